package vn.motcua.dossier;

/** The work queues of {@code GET /api/v1/dossiers?queue=}, each sorted by due time. */
public enum WorkQueue {
    /** Steps assigned to me. */
    MINE("mine"),
    /** Steps waiting in my agencies or units for someone with my roles, not yet assigned. */
    UNIT("unit"),
    /**
     * Open dossiers in my scope due before the end of today (not yet overdue). "In my scope", for this queue, the
     * overdue and the due-soon ones: held at a step or handled by my agencies (and units); for a CENTRE_MANAGER also
     * received at the centre, wherever handled.
     */
    DUE_TODAY("due-today"),
    /** Open dossiers in my scope past their due time. */
    OVERDUE("overdue"),
    /** Open dossiers in my scope due within one working day. */
    DUE_SOON("due-soon"),
    /** Dossiers waiting for the applicant: a supplement (at intake or during processing) or a payment. */
    AWAITING_APPLICANT("awaiting-applicant"),
    /** Online and postal dossiers waiting for my desk to accept them. */
    ONLINE_AWAITING_ACCEPTANCE("online-awaiting-acceptance"),
    /** Dossiers of other agencies whose opinion is asked of my agency or unit (CONSULT), not yet answered, by the answer's due time. */
    CONSULTATIONS("consultations");

    private final String param;

    WorkQueue(String param) {
        this.param = param;
    }

    /** The name in the query string ("due-today"). */
    public String param() {
        return param;
    }

    /** The queue named {@code param} ("due-today") or by its constant ("DUE_TODAY"). */
    public static WorkQueue of(String param) {
        for (WorkQueue q : values()) {
            if (q.param.equalsIgnoreCase(param) || q.name().equalsIgnoreCase(param)) {
                return q;
            }
        }
        throw new IllegalArgumentException(param);
    }
}
