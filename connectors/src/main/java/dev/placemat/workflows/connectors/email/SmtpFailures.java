package dev.placemat.workflows.connectors.email;

import dev.placemat.workflows.spi.StepFailure;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * An SMTP send that failed, as the step's failure: the server's reply code and text (and the command it answered),
 * retryable for a 4xx reply (greylisting, a full mailbox, a busy server: SMTP's "try again later") and final for a
 * 5xx. Never the password.
 */
final class SmtpFailures {

    private static final Pattern REPLY = Pattern.compile("^\\s*([245]\\d\\d)[ -]");

    private SmtpFailures() {}

    static StepFailure of(Throwable e, String connectionName, TlsMode mode, String password) {
        String server = "the SMTP server of the connection '" + connectionName + "'";
        List<Throwable> chain = chain(e);
        for (Throwable t : chain) {
            String reply = reply(t);
            if (reply != null) {
                return byCode(server + " answered " + reply, reply, password);
            }
        }
        for (Throwable t : chain) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof AuthenticationFailedException) {
                return StepFailure.permanent(server + " refused its username or password"
                        + (message.isBlank() ? "" : ": " + redact(message, password)));
            }
            if (message.contains("STARTTLS is required")) {
                return StepFailure.permanent(server + " does not offer STARTTLS, which its tls_mode 'starttls' "
                        + "requires; set tls_mode to tls if the server speaks TLS from the start (port 465), or to "
                        + "none for a server without TLS");
            }
            if (t instanceof SSLException) {
                return StepFailure.permanent("TLS with " + server + " failed (tls_mode '" + mode.id() + "'): "
                        + message + "; check the port and tls_mode (tls: TLS from the start, starttls: upgrade)");
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof SocketTimeoutException) {
                return StepFailure.transientFailure("could not reach " + server + ": " + t.getClass().getSimpleName()
                        + (message.isBlank() ? "" : " " + message));
            }
            if (t instanceof SocketException) {
                return StepFailure.transientFailure("the connection to " + server + " broke: " + message);
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String reply = leadingReply(message);
        if (reply != null) {
            return byCode(server + " answered " + reply, reply, password);
        }
        return StepFailure.transientFailure("sending the email through " + server + " failed: "
                + redact(message, password));
    }

    /** The server's reply carried by an SMTP exception: {@code 451 4.7.1 Greylisted (RCPT TO <a@b.org>)}. */
    private static String reply(Throwable t) {
        if (t instanceof SMTPAddressFailedException address) {
            return text(address.getMessage(), address.getReturnCode()) + " (" + address.getCommand() + ")";
        }
        if (t instanceof SMTPSenderFailedException sender) {
            return text(sender.getMessage(), sender.getReturnCode()) + " (" + sender.getCommand() + ")";
        }
        if (t instanceof SMTPSendFailedException send && send.getReturnCode() > 0) {
            return text(send.getMessage(), send.getReturnCode()) + " (" + send.getCommand() + ")";
        }
        return null;
    }

    private static String text(String message, int code) {
        String text = message == null ? "" : message.strip().replaceAll("\\s+", " ");
        return text.startsWith(Integer.toString(code)) ? text : code + " " + text;
    }

    private static String leadingReply(String message) {
        Matcher m = REPLY.matcher(message);
        return m.find() ? message.strip().replaceAll("\\s+", " ") : null;
    }

    private static StepFailure byCode(String message, String reply, String password) {
        String text = redact(message, password);
        return reply.startsWith("4") ? StepFailure.transientFailure(text) : StepFailure.permanent(text);
    }

    /** The exception, its causes, and the exceptions a {@link MessagingException} chains after it. */
    private static List<Throwable> chain(Throwable e) {
        List<Throwable> out = new ArrayList<>();
        List<Throwable> todo = new ArrayList<>(List.of(e));
        while (!todo.isEmpty() && out.size() < 20) {
            Throwable t = todo.remove(0);
            if (t == null || out.contains(t)) {
                continue;
            }
            out.add(t);
            todo.add(t.getCause());
            if (t instanceof MessagingException m) {
                todo.add(m.getNextException());
            }
        }
        return out;
    }

    private static String redact(String message, String password) {
        return password == null || password.isEmpty() ? message : message.replace(password, "***");
    }
}
