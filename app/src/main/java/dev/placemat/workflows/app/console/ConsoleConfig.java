package dev.placemat.workflows.app.console;

import dev.placemat.workflows.app.web.ProblemResponses;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The console's Jolokia reads through GET only; its restrictor ({@link ConsoleRestrictor}) is in application.yml. */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfig {

    @Bean
    FilterRegistrationBean<ConsoleReadOnlyGet> consoleReadOnlyGet(ProblemResponses problems) {
        FilterRegistrationBean<ConsoleReadOnlyGet> registration = new FilterRegistrationBean<>(
                new ConsoleReadOnlyGet(problems));
        registration.addUrlPatterns("/actuator/jolokia", "/actuator/jolokia/*", "/actuator/hawtio/jolokia",
                "/actuator/hawtio/jolokia/*");
        return registration;
    }
}
