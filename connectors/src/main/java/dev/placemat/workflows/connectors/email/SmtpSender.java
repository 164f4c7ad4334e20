package dev.placemat.workflows.connectors.email;

import dev.placemat.workflows.connectors.common.ConnectionFields;
import dev.placemat.workflows.connectors.common.Timeouts;
import dev.placemat.workflows.spi.Connections;
import dev.placemat.workflows.spi.OutboundGuard;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import javax.net.SocketFactory;
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
 * would resolve placeholders and JMX would show it), and the endpoint is not registered in the context. The platform
 * names itself in {@code EHLO} and in the {@code Message-ID} by its {@link MailIdentity}; the connection's
 * {@link TlsMode} is applied as stated; a step that is given up closes the connection; an editor's connection reaches
 * only the addresses the outbound guard checked for its host.
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
        TlsMode mode = TlsMode.of(connection);
        SmtpSockets sockets = sockets(connection, context);
        String domain = identity(context).domain();
        MailConfiguration configuration = configuration(connection, mode, sockets, domain,
                Timeouts.within(TIMEOUT, context), context);
        MimeMessage message;
        try {
            message = email.toMime(from, domain, context.idempotencyKey());
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
                throw SmtpFailures.of(exchange.getException(), connection.name(), mode, configuration.getPassword());
            }
            return message.getMessageID();
        } catch (StepFailure failure) {
            throw failure;
        } catch (Exception e) {
            throw SmtpFailures.of(e, connection.name(), mode, configuration.getPassword());
        } finally {
            ServiceHelper.stopAndShutdownServices(producer, endpoint);
        }
    }

    /** Connects, says EHLO (and logs in when the connection has a username), and hangs up: a connection test. */
    String probe(String connectionName, StepContext context) throws StepFailure {
        ConnectionFields connection = ConnectionFields.load(context, connectionName, DEFAULT_CONNECTION,
                CONNECTION_TYPE);
        TlsMode mode = TlsMode.of(connection);
        SmtpSockets sockets = sockets(connection, context);
        MailConfiguration configuration = configuration(connection, mode, sockets, identity(context).domain(),
                Timeouts.within(TIMEOUT, context), context);
        Session session = Session.getInstance(configuration.getJavaMailProperties());
        try (Transport transport = session.getTransport(mode.protocol())) {
            transport.connect(configuration.getHost(), configuration.getPort(), configuration.getUsername(),
                    configuration.getPassword());
            return "connected to " + configuration.getHost() + ":" + configuration.getPort() + " (tls_mode "
                    + mode.id() + ")" + (configuration.getUsername() == null ? "" : " and signed in");
        } catch (MessagingException e) {
            throw SmtpFailures.of(e, connection.name(), mode, configuration.getPassword());
        }
    }

    /**
     * The sockets of one send or probe, closed when the step is given up; for a guarded connection (an editor's),
     * only to the addresses the outbound guard resolved and checked for its host.
     */
    private static SmtpSockets sockets(ConnectionFields connection, StepContext context) throws StepFailure {
        List<InetAddress> pinned = context.services().require(Connections.class).guarded(connection.name())
                ? context.services().require(OutboundGuard.class).resolve(connection.require("host")) : null;
        SmtpSockets sockets = new SmtpSockets(pinned);
        context.onCancel(sockets::closeAll);
        return sockets;
    }

    private static MailIdentity identity(StepContext context) {
        return context.services().find(MailIdentity.class).orElseGet(() -> new MailIdentity(null));
    }

    private static MailConfiguration configuration(ConnectionFields connection, TlsMode mode, SmtpSockets sockets,
            String domain, Duration timeout, StepContext step) throws StepFailure {
        MailConfiguration configuration = new MailConfiguration(step.camel());
        String protocol = mode.protocol();
        configuration.configureProtocol(protocol);
        configuration.setHost(connection.require("host"));
        configuration.setPort(connection.number("port", mode.defaultPort()));
        String username = connection.optional("username", null);
        if (username != null) {
            configuration.setUsername(username);
            configuration.setPassword(connection.optional("password", ""));
        }
        String millis = Long.toString(Math.max(1, timeout.toMillis()));
        String prefix = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.put(prefix + "auth", Boolean.toString(username != null));
        properties.put(prefix + "connectiontimeout", millis);
        properties.put(prefix + "timeout", millis);
        properties.put(prefix + "writetimeout", millis);
        properties.put(prefix + "localhost", domain);
        properties.put(prefix + "starttls.enable", Boolean.toString(mode == TlsMode.STARTTLS));
        properties.put(prefix + "starttls.required", Boolean.toString(mode == TlsMode.STARTTLS));
        properties.put(prefix + "ssl.enable", Boolean.toString(mode == TlsMode.TLS));
        if (mode != TlsMode.NONE) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
        }
        // a factory instance (put, not setProperty): its sockets can be closed when the step is given up. For TLS from
        // the start it stands in the TLS factory's place too: being no SSLSocketFactory, it makes the connection
        // (an SSLSocketFactory there would make its own), and Jakarta Mail layers TLS on it under the server's name
        SocketFactory factory = sockets.plain();
        properties.put(prefix + "socketFactory", factory);
        // no second try without the factory when a connection through it fails (it would neither be pinned nor closed)
        properties.put(prefix + "socketFactory.fallback", "false");
        if (mode == TlsMode.TLS) {
            properties.put(prefix + "ssl.socketFactory", factory);
        }
        configuration.setJavaMailProperties(properties);
        return configuration;
    }
}
