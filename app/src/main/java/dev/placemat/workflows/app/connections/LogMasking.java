package dev.placemat.workflows.app.connections;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Log messages pass through the {@link SecretRedactor} too (logback-spring.xml puts this converter in place of
 * {@code %m}): a connection's value or a credential that reaches a log line, in a driver's or a library's message,
 * is masked there as in execution records.
 */
public class LogMasking extends MessageConverter {

    private static volatile SecretRedactor redactor;

    static void use(SecretRedactor current) {
        redactor = current;
    }

    @Override
    public String convert(ILoggingEvent event) {
        String message = super.convert(event);
        SecretRedactor current = redactor;
        return current == null ? message : current.scrub(message);
    }
}
