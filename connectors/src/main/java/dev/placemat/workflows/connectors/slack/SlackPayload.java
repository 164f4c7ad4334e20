package dev.placemat.workflows.connectors.slack;

import com.google.gson.TypeAdapter;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import com.slack.api.model.Message;
import java.io.IOException;

/**
 * The webhook payload handed to camel-slack. camel-slack serialises a {@link Message} with a plain Gson, which
 * writes the SDK's camelCase field names ({@code imageUrl}) that Slack does not know; this subclass carries its own
 * Gson adapter, so {@code blocks} and {@code attachments} go to Slack exactly as the step gave them. camel-slack
 * still sets the channel from its endpoint.
 */
@JsonAdapter(SlackPayload.Writer.class)
final class SlackPayload extends Message {

    private final transient String blocksJson;
    private final transient String attachmentsJson;

    SlackPayload(String text, String blocksJson, String attachmentsJson) {
        setText(text);
        this.blocksJson = blocksJson;
        this.attachmentsJson = attachmentsJson;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** Writes {@code {text, channel, username, blocks, attachments}}; Slack's webhook needs no more. */
    static final class Writer extends TypeAdapter<SlackPayload> {

        @Override
        public void write(JsonWriter out, SlackPayload payload) throws IOException {
            out.beginObject();
            out.name("text").value(payload.getText());
            if (payload.getChannel() != null && !payload.getChannel().isBlank()) {
                out.name("channel").value(payload.getChannel());
            }
            if (payload.getUsername() != null) {
                out.name("username").value(payload.getUsername());
            }
            if (payload.blocksJson != null) {
                out.name("blocks").jsonValue(payload.blocksJson);
            }
            if (payload.attachmentsJson != null) {
                out.name("attachments").jsonValue(payload.attachmentsJson);
            }
            out.endObject();
        }

        @Override
        public SlackPayload read(JsonReader in) {
            throw new UnsupportedOperationException("payloads are only written");
        }
    }
}
