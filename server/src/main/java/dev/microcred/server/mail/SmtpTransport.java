package dev.microcred.server.mail;

import dev.microcred.server.SmtpSettings;
import dev.microcred.store.OutboxMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends mail through an SMTP server with Jakarta Mail (Eclipse Angus): plain text, UTF-8, with STARTTLS required
 * (RFC 3207, no plaintext fallback) or implicit TLS (RFC 8314) and the server's certificate and name checked, and
 * short timeouts so that a stuck server only delays the delivery worker. Thread-safe: a connection per mail.
 */
public final class SmtpTransport implements MailTransport {
    static final int TIMEOUT_MS = 15_000;
    private final SmtpSettings settings;
    private final Session session;
    private final Clock clock;

    public SmtpTransport(SmtpSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        boolean ssl = settings.security() == SmtpSettings.Security.SSL;
        String protocol = ssl ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put(p + "host", settings.host());
        props.put(p + "port", Integer.toString(settings.port()));
        props.put(p + "connectiontimeout", Integer.toString(TIMEOUT_MS));
        props.put(p + "timeout", Integer.toString(TIMEOUT_MS));
        props.put(p + "writetimeout", Integer.toString(TIMEOUT_MS));
        props.put(p + "auth", Boolean.toString(settings.username() != null));
        props.put(p + "from", settings.from());
        if (settings.security() == SmtpSettings.Security.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (settings.security() != SmtpSettings.Security.NONE) {
            props.put(p + "ssl.checkserveridentity", "true");
        }
        this.session = Session.getInstance(props);
    }

    @Override
    public void send(OutboxMail mail) throws MailFailure {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from(), true));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
            message.setSubject(mail.subject(), "UTF-8");
            message.setText(mail.body(), "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            message.setHeader("X-Microcred-Kind", mail.kind());
            if (settings.username() != null) {
                Transport.send(message, settings.username(), settings.password());
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            throw new MailFailure(describe(e), e);
        }
    }

    // SMTP reply codes (RFC 5321 §4.2) and exception classes only: server messages may quote the address
    private static String describe(MessagingException e) {
        StringBuilder out = new StringBuilder(e.getClass().getSimpleName());
        if (e instanceof SMTPSendFailedException s) {
            out.append(" smtp=").append(s.getReturnCode());
        } else if (e instanceof SMTPAddressFailedException a) {
            out.append(" smtp=").append(a.getReturnCode());
        }
        Throwable cause = e.getCause();
        if (cause != null) {
            out.append(" cause=").append(cause.getClass().getSimpleName());
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "SmtpTransport[" + settings + "]";
    }
}
