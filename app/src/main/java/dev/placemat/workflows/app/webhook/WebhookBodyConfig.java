package dev.placemat.workflows.app.webhook;

import dev.placemat.workflows.app.config.WorkflowsProperties;
import dev.placemat.workflows.app.web.ProblemResponses;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Webhook bodies are decoded ({@link WebhookBodyFilter}) before Camel reads them, and the executions a webhook stored
 * start once it has answered ({@link StartsAfterAnswer}).
 */
@Configuration(proxyBeanMethods = false)
class WebhookBodyConfig {

    @Bean
    FilterRegistrationBean<StartsAfterAnswer> startsAfterAnswer() {
        FilterRegistrationBean<StartsAfterAnswer> registration = new FilterRegistrationBean<>(new StartsAfterAnswer());
        registration.addUrlPatterns("/webhooks/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<WebhookBodyFilter> webhookBodyFilter(WorkflowsProperties properties,
            ProblemResponses problems) {
        FilterRegistrationBean<WebhookBodyFilter> registration = new FilterRegistrationBean<>(
                new WebhookBodyFilter(properties.webhook().maxBodyBytes(), problems));
        registration.addUrlPatterns("/webhooks/*");
        return registration;
    }
}
