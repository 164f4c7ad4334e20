package dev.placemat.workflows.app.schedule;

import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.component.quartz.QuartzConstants;
import org.apache.camel.component.quartz.QuartzHelper;
import org.apache.camel.spi.ComponentCustomizer;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * camel-quartz runs on Spring's clustered Quartz scheduler (spring.quartz.*), which starts only after every deployed
 * workflow is loaded ({@code ClusterDeployments} runs at order 10): a fire made up at startup then finds its route.
 */
@Configuration(proxyBeanMethods = false)
public class ScheduleStarter {

    @Bean
    ComponentCustomizer quartzOnSpringScheduler(Scheduler scheduler) {
        return ComponentCustomizer.forType(QuartzComponent.class, quartz -> quartz.setScheduler(scheduler));
    }

    @Bean
    @Order(20)
    ApplicationRunner startSchedules(CamelContext camel, Scheduler scheduler) {
        return (ApplicationArguments args) -> start(camel, scheduler);
    }

    /** Where camel-quartz's job finds the CamelContext; every node registers it under the same name. */
    public static void register(CamelContext camel, Scheduler scheduler) throws SchedulerException {
        scheduler.getContext().put(QuartzConstants.QUARTZ_CAMEL_CONTEXT + "-" + QuartzHelper.getQuartzContextName(camel),
                camel);
    }

    private static void start(CamelContext camel, Scheduler scheduler) throws SchedulerException {
        camel.getComponent("quartz", QuartzComponent.class);
        register(camel, scheduler);
        scheduler.start();
    }
}
