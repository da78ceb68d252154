package vn.motcua.notification;

/** How a message reaches the applicant. */
public enum NotificationChannel {
    /** To the e-mail address the desk recorded, through SMTP ({@code spring.mail.*}). */
    EMAIL,
    /** To the phone number the desk recorded, through the configured {@link SmsGateway}. */
    SMS
}
