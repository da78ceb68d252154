package vn.motcua.notification;

/**
 * What the applicant is told. Each kind has its Vietnamese templates, one per channel:
 * {@code templates/notification/email/<name>.txt} (first line the subject) and {@code templates/notification/sms/<name>.txt}.
 */
public enum NotificationKind {
    /** Received complete (Form 01): the code, the appointment and the lookup link. */
    RECEIVED("received"),
    /** Documents missing (Form 02), at intake or during processing: the clock waits for them. */
    SUPPLEMENT_REQUESTED("supplement-requested"),
    /** Refused at intake (Form 03) or during processing, with the reason in words. */
    REFUSED("refused"),
    /** A fee or tax is to be paid before handling goes on (national status 6): the amount and what for. */
    PAYMENT_REQUESTED("payment-requested"),
    /** The agency will be late: apology and a new appointment (Form 04), once per dossier. */
    EXTENDED("extended"),
    /** The result can be collected (also early, Decree 61/2018 Art. 20). */
    RESULT_READY("result-ready"),
    /** The result was handed over. */
    RETURNED("returned"),
    /** Handling stopped at the applicant's request (Form 05). */
    STOPPED("stopped");

    private final String template;

    NotificationKind(String template) {
        this.template = template;
    }

    /** The templates' file name, without folder and extension. */
    public String template() {
        return template;
    }
}
