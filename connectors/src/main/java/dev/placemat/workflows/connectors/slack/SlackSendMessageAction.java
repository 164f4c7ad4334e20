package dev.placemat.workflows.connectors.slack;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.placemat.workflows.connectors.common.ConnectionFields;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.spi.TaskAction;
import dev.placemat.workflows.validation.ConfigMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code slack.send_message}: posts a message to a Slack incoming webhook (the {@code webhook_url} of the
 * {@code slack} connection) through camel-slack. Output: {@code {channel, message, sent: true}}.
 */
public final class SlackSendMessageAction implements TaskAction<SlackSendMessageAction.Config> {

    static final String CONNECTION_TYPE = "slack";
    static final String DEFAULT_CONNECTION = "slack";
    static final int MAX_TEXT = 40_000;

    public record Config(
            @JsonProperty(defaultValue = "slack")
            @JsonPropertyDescription("Name of a slack connection (default: slack)") String connection,
            @JsonPropertyDescription("Channel such as #wins; a webhook posts to its own channel when none is given")
            String channel,
            @JsonProperty(required = true) @JsonPropertyDescription("Message text (Slack mrkdwn)") String message,
            @JsonPropertyDescription("Slack attachments, a list of objects as Slack documents them")
            List<Map<String, Object>> attachments,
            @JsonPropertyDescription("Slack Block Kit blocks, a list of objects") List<Map<String, Object>> blocks) {}

    private final SlackWebhook webhook = new SlackWebhook();

    @Override
    public ActionDescriptor<Config> descriptor() {
        return ActionDescriptor.of("slack.send_message", "slack", "Send Slack Message", "💬",
                "Posts a message to a Slack channel through an incoming webhook", Config.class);
    }

    @Override
    public Object execute(Config config, StepContext context) throws StepFailure {
        String text = config.message() == null ? "" : config.message();
        if (text.isBlank()) {
            throw StepFailure.permanent("message is empty after templates were resolved");
        }
        if (text.length() > MAX_TEXT) {
            throw StepFailure.permanent("message is longer than Slack's " + MAX_TEXT + " characters");
        }
        SlackPayload payload = new SlackPayload(text, list(config.blocks()), list(config.attachments()));
        ConnectionFields connection = ConnectionFields.load(context, config.connection(), DEFAULT_CONNECTION,
                CONNECTION_TYPE);
        String channel = config.channel() == null || config.channel().isBlank() ? null : config.channel().trim();
        webhook.post(connection, channel, payload, context);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("channel", channel);
        out.put("message", text);
        out.put("sent", true);
        return out;
    }

    /** The list as JSON for Slack; none when absent or empty. */
    private static String list(List<Map<String, Object>> value) {
        return value == null || value.isEmpty() ? null : ConfigMapper.toJson(value).toString();
    }
}
