package dev.placemat.workflows.app.engine;

import dev.placemat.workflows.app.config.WorkflowsProperties;
import dev.placemat.workflows.compiler.WorkflowCompiler;
import dev.placemat.workflows.connectors.email.MailIdentity;
import dev.placemat.workflows.runtime.EngineThreads;
import dev.placemat.workflows.runtime.RetryWait;
import dev.placemat.workflows.runtime.StepRecorder;
import dev.placemat.workflows.spi.ActionRegistry;
import dev.placemat.workflows.spi.PlatformServices;
import dev.placemat.workflows.validation.AddressCheck;
import dev.placemat.workflows.validation.ConfigSchemas;
import dev.placemat.workflows.validation.DefinitionLimits;
import dev.placemat.workflows.validation.DefinitionValidator;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's parts: the action registry, validation, the compiler, and the step recorder in Camel. */
@Configuration(proxyBeanMethods = false)
public class EngineConfig {

    @Bean
    ActionRegistry actionRegistry() {
        return ActionRegistry.loadFrom(EngineConfig.class.getClassLoader());
    }

    @Bean
    ConfigSchemas configSchemas() {
        return new ConfigSchemas();
    }

    /** Checks definitions against the platform's limits, and their literal addresses against the outbound guard. */
    @Bean
    DefinitionValidator definitionValidator(ActionRegistry actions, ConfigSchemas schemas,
            WorkflowsProperties properties, AddressCheck addresses) {
        return new DefinitionValidator(actions, schemas, DefinitionValidator.defaultRules(
                Duration.ofSeconds(properties.schedule().minIntervalSeconds())),
                new DefinitionLimits(properties.limits().maxStepsPerExecution()), addresses);
    }

    /** The threads compiled routes share; not beans of type Executor, which would replace Spring's task executor. */
    @Bean
    EngineThreads engineThreads(EnginePools pools, WorkflowsProperties properties) {
        return new EngineThreads(pools.steps(), pools.timers(),
                Duration.ofSeconds(properties.waits().durableAfterSeconds()));
    }

    @Bean
    PlatformServices platformServices(ApplicationContext context) {
        return new PlatformServices() {
            @Override
            public <T> Optional<T> find(Class<T> type) {
                return Optional.ofNullable(context.getBeanProvider(type).getIfAvailable());
            }
        };
    }

    /** The longest {@code Retry-After} a step waits for before its next attempt. */
    @Bean
    RetryWait.Limit retryAfterLimit(WorkflowsProperties properties) {
        int seconds = properties.outbound() == null ? 0 : properties.outbound().maxRetryAfterSeconds();
        return seconds > 0 ? new RetryWait.Limit(Duration.ofSeconds(seconds)) : RetryWait.Limit.DEFAULT;
    }

    /** The name the platform gives SMTP servers ({@code EHLO}, {@code Message-ID}): the host's FQDN by default. */
    @Bean
    MailIdentity mailIdentity(WorkflowsProperties properties) {
        return new MailIdentity(properties.mail() == null ? null : properties.mail().domain());
    }

    @Bean
    WorkflowCompiler workflowCompiler(ActionRegistry actions, EngineThreads threads, PlatformServices services) {
        return new WorkflowCompiler(actions, threads, services);
    }

    /** Records every step attempt; added before any route exists so that every route is intercepted. */
    @Bean
    CamelContextConfiguration stepRecording() {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                camel.getCamelContextExtension().addInterceptStrategy(new StepRecorder());
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                // nothing to do once started
            }
        };
    }
}
