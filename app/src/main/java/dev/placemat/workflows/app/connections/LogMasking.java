package dev.placemat.workflows.app.connections;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Log messages pass through the {@link SecretRedactor} too (logback-spring.xml puts this converter in place of
 * {@code %m}, and {@link Throwables} in place of Spring Boot's {@code %wEx}): a connection's value or a credential
 * that reaches a log line, in a driver's or a library's message or in an exception's, is masked there as in
 * execution records.
 */
public class LogMasking extends MessageConverter {

    private static volatile SecretRedactor redactor;

    static void use(SecretRedactor current) {
        redactor = current;
    }

    @Override
    public String convert(ILoggingEvent event) {
        return scrub(super.convert(event));
    }

    private static String scrub(String text) {
        SecretRedactor current = redactor;
        return current == null ? text : current.scrub(text);
    }

    /** An exception and its stack trace as Spring Boot prints them ({@code %wEx}), masked. */
    public static class Throwables extends ExtendedWhitespaceThrowableProxyConverter {

        @Override
        protected String throwableProxyToString(IThrowableProxy proxy) {
            return scrub(super.throwableProxyToString(proxy));
        }
    }
}
