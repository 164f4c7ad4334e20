package dev.placemat.workflows.connectors.email;

import dev.placemat.workflows.connectors.files.FileReferences.FileContent;
import dev.placemat.workflows.spi.StepFailure;
import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * One email, built into a {@link MimeMessage} here and handed to camel-mail as it is: camel-mail then copies no
 * exchange header into it, so the message carries exactly the headers set below.
 */
record Email(List<InternetAddress> to, List<InternetAddress> cc, List<InternetAddress> bcc, String subject,
        String text, String html, List<FileContent> attachments) {

    private static final String UTF_8 = "UTF-8";

    Email {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        attachments = List.copyOf(attachments);
        subject = subject == null ? "" : subject.strip();
    }

    /** A permanent failure when {@code subject} holds a line break, which would end the header it goes into. */
    static String subject(String subject, String what) throws StepFailure {
        String stripped = subject == null ? null : subject.strip();
        if (stripped != null && (stripped.indexOf('\r') >= 0 || stripped.indexOf('\n') >= 0)) {
            throw StepFailure.permanent(what + " holds a line break, which no mail header may hold; check the "
                    + "template values it is made of");
        }
        return stripped;
    }

    /**
     * The MIME message, with a {@code Message-ID} in the platform's mail domain that is the same for every attempt
     * of the step (a server that saw the first attempt's message can tell the second is the same).
     */
    MimeMessage toMime(InternetAddress from, String domain, String idempotencyKey) throws MessagingException {
        String localPart = idempotencyKey.replaceAll("[^A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]", ".");
        String messageId = "<" + localPart + "@" + domain + ">";
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(from);
        message.setRecipients(RecipientType.TO, to.toArray(InternetAddress[]::new));
        if (!cc.isEmpty()) {
            message.setRecipients(RecipientType.CC, cc.toArray(InternetAddress[]::new));
        }
        if (!bcc.isEmpty()) {
            message.setRecipients(RecipientType.BCC, bcc.toArray(InternetAddress[]::new));
        }
        message.setSubject(subject, UTF_8);
        message.setSentDate(new Date());
        if (attachments.isEmpty()) {
            setBody(message);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            setBody(body);
            mixed.addBodyPart(body);
            for (FileContent file : attachments) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.bytes(), file.contentType())));
                part.setFileName(file.name());
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            message.setContent(mixed);
        }
        return message;
    }

    /** Text, HTML, or both as alternatives. */
    private void setBody(jakarta.mail.internet.MimePart part) throws MessagingException {
        if (text != null && html != null) {
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, UTF_8);
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(html, UTF_8, "html");
            alternative.addBodyPart(plain);
            alternative.addBodyPart(rich);
            part.setContent(alternative);
        } else if (html != null) {
            part.setText(html, UTF_8, "html");
        } else {
            part.setText(text == null ? "" : text, UTF_8);
        }
    }
}
