package dev.placemat.workflows.connectors.slack;

import dev.placemat.workflows.connectors.common.ConnectionFields;
import dev.placemat.workflows.connectors.http.HttpCall;
import dev.placemat.workflows.spi.OutboundGuard;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.io.IOException;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.component.slack.SlackComponent;
import org.apache.camel.component.slack.SlackEndpoint;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceHelper;

/**
 * camel-slack in incoming-webhook mode. The endpoint is built in code and not registered in the context: the webhook
 * URL (a secret: whoever has it can post) is set on it with a setter, never written into an endpoint URI, and never
 * repeated in an error message. The outbound guard checks the URL first.
 */
final class SlackWebhook {

    private static final Pattern STATUS = Pattern.compile("code=(\\d{3})");

    void post(ConnectionFields connection, String channel, SlackPayload payload, StepContext context)
            throws StepFailure {
        String webhookUrl = connection.require("webhook_url");
        URI uri = HttpCall.absoluteUri(webhookUrl,
                "the webhook_url of the slack connection '" + connection.name() + "'");
        try {
            context.services().require(OutboundGuard.class).check(uri);
        } catch (StepFailure refused) {
            throw StepFailure.permanent("the webhook of the slack connection '" + connection.name()
                    + "' is not an allowed address: " + redact(refused.getMessage(), uri));
        }
        SlackEndpoint endpoint = new SlackEndpoint("slack:placemat-step", channel,
                context.camel().getComponent("slack", SlackComponent.class));
        endpoint.setWebhookUrl(webhookUrl);
        Producer producer = null;
        try {
            producer = endpoint.createProducer();
            ServiceHelper.startService(endpoint, producer);
            Exchange exchange = new DefaultExchange(context.camel());
            exchange.getIn().setBody(payload);
            producer.process(exchange);
            if (exchange.getException() != null) {
                throw failure(exchange.getException(), uri);
            }
        } catch (StepFailure failure) {
            throw failure;
        } catch (Exception e) {
            throw failure(e, uri);
        } finally {
            ServiceHelper.stopAndShutdownServices(producer, endpoint);
        }
    }

    private static StepFailure failure(Exception e, URI uri) {
        String message = redact(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), uri);
        if (e instanceof IOException || e.getCause() instanceof IOException) {
            return StepFailure.transientFailure("could not reach Slack at " + uri.getHost() + ": " + message);
        }
        Matcher status = STATUS.matcher(message);
        int code = status.find() ? Integer.parseInt(status.group(1)) : 500;
        String text = "Slack refused the message (HTTP " + code + ")" + detail(message);
        return code >= 500 || code == 429 ? StepFailure.transientFailure(text) : StepFailure.permanent(text);
    }

    private static String detail(String message) {
        Matcher body = Pattern.compile("body=([^,)]*)").matcher(message);
        return body.find() && !body.group(1).isBlank() ? ": " + body.group(1).strip() : "";
    }

    /** The message without the webhook's path or query, which hold its secret. */
    static String redact(String message, URI uri) {
        if (message == null) {
            return "";
        }
        String out = message.replace(uri.toString(), uri.getScheme() + "://" + uri.getHost() + "/***");
        if (uri.getRawPath() != null && uri.getRawPath().length() > 1) {
            out = out.replace(uri.getRawPath(), "/***");
        }
        if (uri.getRawQuery() != null) {
            out = out.replace(uri.getRawQuery(), "***");
        }
        return out;
    }
}
