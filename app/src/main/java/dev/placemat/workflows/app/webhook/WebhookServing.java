package dev.placemat.workflows.app.webhook;

import dev.placemat.workflows.compiler.IngressCompiler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.springboot.CamelRequestHandlerMapping;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpConsumer;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerAdapter;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.handler.MatchableHandlerMapping;
import org.springframework.web.servlet.handler.RequestMatchResult;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * How camel-platform-http serves webhooks on Spring MVC (ADR 0006).
 * <ul>
 * <li>Its consumer runs on the request's own thread: out of the box it hands each request to Spring's task executor
 * and returns a future, so Spring MVC answers through an async dispatch, a second pass through Tomcat, the security
 * filters and the DispatcherServlet. Webhooks wait on Tomcat's threads ({@code server.tomcat.threads.max}) instead.
 * <li>A webhook path is looked up in camel-platform-http's mapping first, not after the actuator's, and its
 * consumer is called directly, not through the argument resolution, method validation and return-value handling
 * of Spring's handler-method adapter, which the consumer's one method does not use.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class WebhookServing {

    /** Named as camel-platform-http looks its engine up in the registry. */
    @Bean("platform-http-engine")
    PlatformHttpEngine platformHttpEngine(Environment environment) {
        return new SpringBootPlatformHttpEngine(environment.getProperty("server.port", Integer.class, 8080),
                Runnable::run);
    }

    @Bean
    WebhookMapping webhookMapping(CamelRequestHandlerMapping camel) {
        return new WebhookMapping(camel);
    }

    @Bean
    PlatformHttpAdapter platformHttpAdapter() {
        return new PlatformHttpAdapter();
    }

    /** Webhook paths go to camel-platform-http's mapping before any other; other paths pass by. */
    static final class WebhookMapping implements MatchableHandlerMapping, Ordered {

        private final CamelRequestHandlerMapping camel;

        WebhookMapping(CamelRequestHandlerMapping camel) {
            this.camel = camel;
        }

        @Override
        public HandlerExecutionChain getHandler(HttpServletRequest request) throws Exception {
            return request.getServletPath().startsWith(IngressCompiler.WEBHOOK_PATH) ? camel.getHandler(request) : null;
        }

        @Override
        public PathPatternParser getPatternParser() {
            return camel.getPatternParser();
        }

        @Override
        public RequestMatchResult match(HttpServletRequest request, String pattern) {
            return camel.match(request, pattern);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /** Calls the platform-http consumer, which answers on this thread: its future is complete when it returns. */
    static final class PlatformHttpAdapter implements HandlerAdapter, Ordered {

        @Override
        public boolean supports(Object handler) {
            return handler instanceof HandlerMethod method && method.getBean() instanceof SpringBootPlatformHttpConsumer;
        }

        @Override
        public ModelAndView handle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            ((SpringBootPlatformHttpConsumer) ((HandlerMethod) handler).getBean()).service(request, response).join();
            return null;
        }

        @Override
        @SuppressWarnings("deprecation")
        public long getLastModified(HttpServletRequest request, Object handler) {
            return -1;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
