package dev.placemat.workflows.app.event;

import dev.placemat.workflows.app.config.WorkflowsProperties;
import dev.placemat.workflows.app.db.StoredJson;
import dev.placemat.workflows.app.deploy.RouteControl;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Kafka when {@code camel.component.kafka.brokers} or {@code spring.kafka.bootstrap-servers} is set, else the
 * in-process bus. Nothing connects to Kafka unless it is configured.
 */
@Configuration(proxyBeanMethods = false)
public class EventBusConfig {

    static final String KAFKA_CONFIGURED =
            "'${camel.component.kafka.brokers:}' != '' or '${spring.kafka.bootstrap-servers:}' != ''";

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression(KAFKA_CONFIGURED)
    EventBus kafkaEventBus(Environment environment, RouteControl routes, ProducerTemplate producer,
            WorkflowsProperties properties, StoredJson json) {
        String brokers = environment.getProperty("camel.component.kafka.brokers", "");
        if (brokers.isBlank()) {
            brokers = environment.getProperty("spring.kafka.bootstrap-servers", "");
        }
        return new KafkaEventBus(routes, producer, brokers.trim(), properties.events().topic(),
                properties.events().partitions(), json);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(EventBus.class)
    EventBus inProcessEventBus(RouteControl routes, ProducerTemplate producer, StoredJson json) {
        return new InProcessEventBus(routes, producer, json);
    }
}
