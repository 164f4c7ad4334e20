package dev.placemat.workflows.app.event;

import dev.placemat.workflows.app.config.WorkflowsProperties;
import dev.placemat.workflows.app.deploy.RouteControl;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Kafka when {@code camel.component.kafka.brokers} or {@code spring.kafka.bootstrap-servers} is set, else the
 * in-process bus. Nothing connects to Kafka unless it is configured.
 */
@Configuration(proxyBeanMethods = false)
public class EventBusConfig {

    private static final Logger log = LoggerFactory.getLogger(EventBusConfig.class);
    private static final int IN_PROCESS_THREADS = 4;
    private static final int IN_PROCESS_ATTEMPTS = 8;
    private static final long IN_PROCESS_FIRST_RETRY_MILLIS = 200;

    @Bean(destroyMethod = "close")
    EventBus eventBus(Environment environment, RouteControl routes, ProducerTemplate producer,
            WorkflowsProperties properties) {
        String brokers = environment.getProperty("camel.component.kafka.brokers", "");
        if (brokers.isBlank()) {
            brokers = environment.getProperty("spring.kafka.bootstrap-servers", "");
        }
        if (brokers.isBlank()) {
            log.info("events travel in process (no Kafka configured)");
            return new InProcessEventBus(IN_PROCESS_THREADS, IN_PROCESS_ATTEMPTS, IN_PROCESS_FIRST_RETRY_MILLIS);
        }
        log.info("events travel on Kafka topic {}", properties.events().topic());
        return new KafkaEventBus(routes, producer, brokers.trim(), properties.events().topic(),
                properties.events().partitions());
    }
}
