package vn.motcua.platform;

/**
 * An event that records a state-changing action. The audit module writes every such event to its
 * hash chain in the transaction that published it, so an action and its audit row commit together.
 */
public interface AuditableEvent {

    /** What was done, as a stable upper-case code, for example {@code AGENCY_CREATED}. */
    String action();

    /** What it was done to, for example {@code agency:H36.01}. */
    String target();

    /** A short human summary, in Vietnamese. */
    String summary();
}
