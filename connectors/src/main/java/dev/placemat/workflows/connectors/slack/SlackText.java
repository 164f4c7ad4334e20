package dev.placemat.workflows.connectors.slack;

/**
 * Slack's escaping for text it formats (mrkdwn): {@code &}, {@code <} and {@code >} as entities, so that a value
 * from a form cannot ping a channel ({@code <!channel>}) or disguise a link ({@code <https://evil|click>}).
 */
final class SlackText {

    private SlackText() {}

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
