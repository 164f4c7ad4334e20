package dev.placemat.workflows.connectors.email;

import dev.placemat.workflows.spi.ConnectionUse;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import dev.placemat.workflows.spi.TaskAction;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the email actions share: the email a config describes goes out through the step's smtp connection (its
 * {@code connection} field) or the default one. Output: {@code {message_id, to, subject}}. Not safe to repeat: a
 * second run sends the email a second time (SMTP has no way to drop a repeated message).
 */
abstract class SmtpSendAction<C> implements TaskAction<C> {

    private final SmtpSender sender = new SmtpSender();
    private final Function<C, String> connection;

    /** Where a config holds the connection name. */
    SmtpSendAction(Function<C, String> connection) {
        this.connection = connection;
    }

    /** The email {@code config} describes; a permanent failure when it cannot be sent as given. */
    abstract Email email(C config, StepContext context) throws StepFailure;

    @Override
    public Optional<ConnectionUse> connectionUse() {
        return Optional.of(new ConnectionUse("connection", SmtpSender.CONNECTION_TYPE, SmtpSender.DEFAULT_CONNECTION));
    }

    @Override
    public Object execute(C config, StepContext context) throws StepFailure {
        Email email = email(config, context);
        return EmailOutput.of(sender.send(email, connection.apply(config), context), email);
    }

    @Override
    public boolean repeatSafe(C config) {
        return false;
    }
}
