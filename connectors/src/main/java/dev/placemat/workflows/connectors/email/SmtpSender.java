package dev.placemat.workflows.connectors.email;

import dev.placemat.workflows.connectors.common.ConnectionFields;
import dev.placemat.workflows.connectors.common.Timeouts;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.component.mail.MailComponent;
import org.apache.camel.component.mail.MailConfiguration;
import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Sends an {@link Email} through camel-mail with the {@code smtp} connection. The endpoint is built in code from a
 * {@link MailConfiguration}: no host, user, password or address is ever written into an endpoint URI (where Camel
 * would resolve placeholders and JMX would show it), and the endpoint is not registered in the context.
 */
final class SmtpSender {

    static final String CONNECTION_TYPE = "smtp";
    static final String DEFAULT_CONNECTION = "smtp";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Sends the email and returns its Message-ID. */
    String send(Email email, String connectionName, StepContext context) throws StepFailure {
        ConnectionFields connection = ConnectionFields.load(context, connectionName, DEFAULT_CONNECTION,
                CONNECTION_TYPE);
        InternetAddress from = Recipients.one(connection.require("from"), "the from address of the smtp connection '"
                + connection.name() + "'");
        if (email.to().isEmpty()) {
            throw StepFailure.permanent("there is no recipient: to is empty after templates were resolved");
        }
        MailConfiguration configuration = configuration(connection, Timeouts.within(TIMEOUT, context), context);
        MimeMessage message;
        try {
            message = email.toMime(from);
        } catch (MessagingException e) {
            throw StepFailure.permanent("the email cannot be built: " + e.getMessage());
        }
        MailEndpoint endpoint = new MailEndpoint("smtp://placemat-email",
                context.camel().getComponent("smtp", MailComponent.class), configuration);
        Producer producer = null;
        try {
            producer = endpoint.createProducer();
            ServiceHelper.startService(endpoint, producer);
            Exchange exchange = new DefaultExchange(context.camel());
            exchange.getIn().setBody(message);
            producer.process(exchange);
            if (exchange.getException() != null) {
                throw failure(exchange.getException(), connection, configuration.getPassword());
            }
            return message.getMessageID();
        } catch (StepFailure failure) {
            throw failure;
        } catch (Exception e) {
            throw failure(e, connection, configuration.getPassword());
        } finally {
            ServiceHelper.stopAndShutdownServices(producer, endpoint);
        }
    }

    private static MailConfiguration configuration(ConnectionFields connection, Duration timeout, StepContext step)
            throws StepFailure {
        MailConfiguration configuration = new MailConfiguration(step.camel());
        boolean ssl = connection.flag("ssl", false);
        boolean startTls = !ssl && connection.flag("starttls", true);
        String protocol = ssl ? "smtps" : "smtp";
        configuration.configureProtocol(protocol);
        configuration.setHost(connection.require("host"));
        configuration.setPort(connection.number("port", ssl ? 465 : 587));
        String username = connection.optional("username", null);
        if (username != null) {
            configuration.setUsername(username);
            configuration.setPassword(connection.optional("password", ""));
        }
        String millis = Long.toString(Math.max(1, timeout.toMillis()));
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".auth", Boolean.toString(username != null));
        properties.put("mail." + protocol + ".connectiontimeout", millis);
        properties.put("mail." + protocol + ".timeout", millis);
        properties.put("mail." + protocol + ".writetimeout", millis);
        properties.put("mail." + protocol + ".starttls.enable", Boolean.toString(startTls));
        properties.put("mail." + protocol + ".starttls.required", Boolean.toString(startTls));
        if (ssl || startTls) {
            properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        configuration.setJavaMailProperties(properties);
        return configuration;
    }

    private static StepFailure failure(Throwable e, ConnectionFields connection, String password) {
        String server = "the SMTP server of the connection '" + connection.name() + "'";
        if (e instanceof AuthenticationFailedException) {
            return StepFailure.permanent(server + " refused its username or password");
        }
        if (e instanceof SendFailedException sent && sent.getInvalidAddresses() != null
                && sent.getInvalidAddresses().length > 0) {
            return StepFailure.permanent(server + " refused the recipients " + Arrays.stream(sent.getInvalidAddresses())
                    .map(Object::toString).collect(Collectors.joining(", ")));
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof ConnectException || root instanceof UnknownHostException
                || root instanceof SocketTimeoutException) {
            return StepFailure.transientFailure("could not reach " + server + ": " + root.getClass().getSimpleName());
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (password != null && !password.isEmpty()) {
            message = message.replace(password, "***");
        }
        return StepFailure.transientFailure("sending the email through " + server + " failed: " + message);
    }
}
