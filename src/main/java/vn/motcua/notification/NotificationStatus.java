package vn.motcua.notification;

/**
 * Where a message of the outbox stands. PENDING → SENDING → SENT; a failed attempt goes back to PENDING with a later
 * next attempt, and after the last allowed attempt to FAILED, which only an administrator's resend moves back to
 * PENDING.
 */
public enum NotificationStatus {
    /** Waiting for its next attempt (the first one right after the commit that queued it). */
    PENDING,
    /** Taken by a node that is delivering it now; due again when the node's lease runs out (a node that died). */
    SENDING,
    /** Accepted by the SMTP server or the SMS gateway. */
    SENT,
    /** Every allowed attempt failed, or the failure cannot be cured by retrying: listed for administrators. */
    FAILED
}
