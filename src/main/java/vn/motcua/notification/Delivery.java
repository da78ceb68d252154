package vn.motcua.notification;

/**
 * Hands one message to the outside world over one channel (SMTP for e-mail, a gateway for SMS). Implementations throw
 * on failure; {@link PermanentFailure} says that retrying cannot help (an address that is not an address).
 */
interface Delivery {

    NotificationChannel channel();

    /** Whether this node can deliver now (an SMTP server is configured, the channel is on). */
    boolean available();

    void deliver(OutboxMessage message) throws Exception;

    /** A failure no retry cures: the message goes to FAILED at once. */
    final class PermanentFailure extends Exception {
        PermanentFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
