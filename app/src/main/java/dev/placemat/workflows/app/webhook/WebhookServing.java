package dev.placemat.workflows.app.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpConsumer;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpEngine;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.env.Environment;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * How camel-platform-http serves webhooks on Spring MVC. Out of the box its consumer hands each request to Spring's
 * task executor and returns a future, so Spring MVC answers through an async dispatch: two thread hand-offs and a
 * second pass through Tomcat, the security filters and the DispatcherServlet for every webhook. Here the consumer
 * runs on the request's own thread, and its future, complete by the time it is returned, is taken as the answer:
 * a webhook crosses the stack once. Webhooks wait on Tomcat's threads ({@code server.tomcat.threads.max}) instead.
 */
@Configuration(proxyBeanMethods = false)
class WebhookServing {

    /** Named as camel-platform-http looks its engine up in the registry. */
    @Bean("platform-http-engine")
    PlatformHttpEngine platformHttpEngine(Environment environment) {
        return new SpringBootPlatformHttpEngine(environment.getProperty("server.port", Integer.class, 8080),
                Runnable::run);
    }

    /** Puts {@link CompletedAnswer} before Spring's own handler of futures (which would start async processing). */
    @Bean
    static BeanPostProcessor completedPlatformHttpAnswers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getReturnValueHandlers() != null) {
                    List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>();
                    handlers.add(new CompletedAnswer());
                    handlers.addAll(adapter.getReturnValueHandlers());
                    adapter.setReturnValueHandlers(handlers);
                }
                return bean;
            }
        };
    }

    /** The platform-http consumer's future: it ran on this thread and has written the response already. */
    static final class CompletedAnswer implements HandlerMethodReturnValueHandler {

        @Override
        public boolean supportsReturnType(MethodParameter returnType) {
            return SpringBootPlatformHttpConsumer.class.isAssignableFrom(returnType.getContainingClass());
        }

        @Override
        public void handleReturnValue(Object returnValue, MethodParameter returnType, ModelAndViewContainer mav,
                NativeWebRequest request) {
            mav.setRequestHandled(true);
            ((CompletableFuture<?>) returnValue).join();
        }
    }
}
