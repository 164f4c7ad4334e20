package dev.placemat.workflows.connectors.slack;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.placemat.workflows.connectors.common.ConnectionFields;
import dev.placemat.workflows.spi.ActionDescriptor;
import dev.placemat.workflows.spi.ConnectionUse;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.spi.TaskAction;
import dev.placemat.workflows.validation.ConfigMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code slack.send_message}: posts a message to a Slack incoming webhook (the {@code webhook_url} of the
 * {@code slack} connection). Values that templates put into the message are escaped for Slack; the author's own
 * text keeps its formatting. Output: {@code {channel, message, sent: true}}.
 */
public final class SlackSendMessageAction implements TaskAction<SlackSendMessageAction.Config> {

    static final String CONNECTION_TYPE = "slack";
    static final String DEFAULT_CONNECTION = "slack";
    static final int MAX_TEXT = 40_000;
    /** What Slack reads as text (templateEscapes). */
    private static final Map<String, UnaryOperator<String>> TEXT_ESCAPES = Stream.of("message",
            "blocks.text.text", "blocks.fields.text", "blocks.elements.text",
            "attachments.text", "attachments.pretext", "attachments.title", "attachments.footer",
            "attachments.fallback", "attachments.author_name", "attachments.fields.title", "attachments.fields.value",
            "attachments.blocks.text.text", "attachments.blocks.fields.text", "attachments.blocks.elements.text")
            .collect(Collectors.toUnmodifiableMap(path -> path, path -> SlackText::escape));

    public record Config(
            @JsonProperty(defaultValue = "slack")
            @JsonPropertyDescription("Name of a slack connection (default: slack)") String connection,
            @JsonPropertyDescription("Channel such as #wins; a webhook posts to its own channel when none is given")
            String channel,
            @JsonProperty(required = true) @JsonPropertyDescription("Message text (Slack mrkdwn); values from "
                    + "templates are escaped") String message,
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
    public Optional<ConnectionUse> connectionUse() {
        return Optional.of(new ConnectionUse("connection", CONNECTION_TYPE, DEFAULT_CONNECTION));
    }

    /**
     * The message, and the text fields of Block Kit blocks and of attachments (list items share their list's path):
     * what Slack reads as mrkdwn or shows as text. URLs and ids in blocks are not text and are left as they are.
     */
    @Override
    public Map<String, UnaryOperator<String>> templateEscapes() {
        return TEXT_ESCAPES;
    }

    @Override
    public CompletableFuture<Map<String, Object>> execute(Config config, StepContext context) throws StepFailure {
        String text = config.message() == null ? "" : config.message();
        if (text.isBlank()) {
            throw StepFailure.permanent("message is empty after templates were resolved");
        }
        if (text.length() > MAX_TEXT) {
            throw StepFailure.permanent("message is longer than Slack's " + MAX_TEXT + " characters");
        }
        String channel = config.channel() == null || config.channel().isBlank() ? null : config.channel().trim();
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("text", text);
        if (channel != null) {
            payload.put("channel", channel);
        }
        if (config.blocks() != null && !config.blocks().isEmpty()) {
            payload.set("blocks", ConfigMapper.toJson(config.blocks()));
        }
        if (config.attachments() != null && !config.attachments().isEmpty()) {
            payload.set("attachments", ConfigMapper.toJson(config.attachments()));
        }
        ConnectionFields connection = ConnectionFields.load(context, config.connection(), DEFAULT_CONNECTION,
                CONNECTION_TYPE);
        return webhook.post(connection, payload, context).thenApply(sent -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("channel", channel);
            out.put("message", text);
            out.put("sent", true);
            return out;
        });
    }

    /** Not safe: a second run posts the message a second time (incoming webhooks have no idempotency). */
    @Override
    public boolean repeatSafe(Config config) {
        return false;
    }
}
