package vn.motcua.notification;

/**
 * Sends one text message to one phone number. motcua ships only {@link LoggingSmsGateway}, which sends nothing; a
 * provider (a network operator's brandname SMS API) is one more implementation named by {@code motcua.notification.sms.gateway}.
 */
public interface SmsGateway {

    /** The name that {@code motcua.notification.sms.gateway} selects this gateway by. */
    String name();

    /**
     * @param phone the number as the desk recorded it (0xxxxxxxxx or +84xxxxxxxxx)
     * @param text  the message, already fitted to its parts ({@link SmsText})
     * @throws Exception when the provider refuses or cannot be reached; the message is retried
     */
    void send(String phone, SmsText text) throws Exception;
}
