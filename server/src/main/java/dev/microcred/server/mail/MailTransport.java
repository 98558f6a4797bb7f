package dev.microcred.server.mail;

import dev.microcred.store.OutboxMail;

/** Hands one mail to a mail server. Implementations are thread-safe. */
@FunctionalInterface
public interface MailTransport {
    /**
     * Sends {@code mail}, or throws.
     *
     * @throws MailFailure when the server could not be reached or refused the mail; its message holds no address
     */
    void send(OutboxMail mail) throws MailFailure;

    /** Why a mail was not sent, in words free of personal data (error class, SMTP reply code). */
    final class MailFailure extends Exception {
        private static final long serialVersionUID = 1L;

        public MailFailure(String safeMessage, Throwable cause) {
            super(safeMessage, cause);
        }
    }
}
