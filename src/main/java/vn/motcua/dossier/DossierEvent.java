package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;
import vn.motcua.platform.AuditableEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * What the dossier module publishes when an intake is decided; every one is audited (it is an {@link AuditableEvent})
 * and carries what a consumer (oversight, the national-portal exchange, notifications) needs without reading the
 * dossier's tables.
 */
public sealed interface DossierEvent extends AuditableEvent {

    String code();

    Channel channel();

    String procedureCode();

    UUID receivingAgencyId();

    String receivingAgency();

    UUID handlingAgencyId();

    String handlingAgency();

    /** The national status code (1-10) after the event. */
    int nationalStatus();

    /** When the event happened. */
    Instant at();

    /** Who to tell (notifications): the applicant's name and the contacts given at intake. */
    Contact contact();

    @Override
    default String target() {
        return "dossier:" + code();
    }

    /** The applicant's name, e-mail and phone as given at intake (null where none was given). */
    record Contact(String name, @Nullable String email, @Nullable String phone) {
        static Contact of(Applicant a) {
            return new Contact(a.fullName(), a.email(), a.phone());
        }
    }

    /** An online or postal dossier arrived and waits for the desk (national status 1). */
    record Submitted(String code, Channel channel, String procedureCode, UUID receivingAgencyId, String receivingAgency,
                     UUID handlingAgencyId, String handlingAgency, int nationalStatus, Instant at, Contact contact) implements DossierEvent {
        public String action() {
            return "DOSSIER_SUBMITTED";
        }

        public String summary() {
            return "Hồ sơ " + code + " nộp " + DossierWords.channel(channel).toLowerCase() + ", thủ tục " + procedureCode;
        }
    }

    /**
     * Received complete (Form 01), at the desk or by accepting an online dossier: the clock runs from
     * {@code clockStart}, the appointment is {@code dueAt} (null when the procedure states no time limit);
     * {@code receivedBy} is the desk officer who received or accepted it (null when not known, as in an import).
     */
    record Received(String code, Channel channel, String procedureCode, UUID receivingAgencyId, String receivingAgency,
                    UUID handlingAgencyId, String handlingAgency, int nationalStatus, Instant at, Instant clockStart,
                    @Nullable Instant dueAt, boolean accepted, Contact contact, @Nullable String receivedBy) implements DossierEvent {

        /** Without the desk officer (kept for callers that do not know one). */
        public Received(String code, Channel channel, String procedureCode, UUID receivingAgencyId, String receivingAgency,
                        UUID handlingAgencyId, String handlingAgency, int nationalStatus, Instant at, Instant clockStart,
                        @Nullable Instant dueAt, boolean accepted, Contact contact) {
            this(code, channel, procedureCode, receivingAgencyId, receivingAgency, handlingAgencyId, handlingAgency, nationalStatus, at,
                    clockStart, dueAt, accepted, contact, null);
        }

        public String action() {
            return accepted ? "DOSSIER_ACCEPTED" : "DOSSIER_RECEIVED";
        }

        public String summary() {
            return (accepted ? "Chấp nhận hồ sơ trực tuyến " : "Tiếp nhận hồ sơ ") + code + ", thủ tục " + procedureCode
                    + (dueAt == null ? ", chưa có ngày hẹn" : ", hẹn trả " + DossierWords.dateTime(dueAt));
        }
    }

    /** The desk asked for everything missing at once (Form 02); nothing is received yet. */
    record SupplementRequested(String code, Channel channel, String procedureCode, UUID receivingAgencyId, String receivingAgency,
                               UUID handlingAgencyId, String handlingAgency, int nationalStatus, Instant at, int missingItems,
                               Contact contact)
            implements DossierEvent {
        public String action() {
            return "DOSSIER_SUPPLEMENT_REQUESTED";
        }

        public String summary() {
            return "Yêu cầu bổ sung hồ sơ " + code + " (" + missingItems + " mục)";
        }
    }

    /** Refused at intake (Form 03), with the reason in words. */
    record Refused(String code, Channel channel, String procedureCode, UUID receivingAgencyId, String receivingAgency,
                   UUID handlingAgencyId, String handlingAgency, int nationalStatus, Instant at, String reason,
                   Contact contact)
            implements DossierEvent {
        public String action() {
            return "DOSSIER_REFUSED";
        }

        public String summary() {
            return "Từ chối tiếp nhận hồ sơ " + code + ": " + reason;
        }
    }

    /**
     * A move of processing after intake (every action of {@link DossierAction} but the intake decisions, which publish
     * the records above): what was done, from which state to which, the step that holds the dossier now, the clock
     * after the move and, when a step was handed on, whether the unit that held it kept its budget. The oversight
     * projections are built from these alone.
     *
     * @param move           what was done
     * @param actor          the username who did it
     * @param step           the step that holds the dossier after the move (null once it is returned or stopped)
     * @param handedOver     the side that handed the dossier on, with its lateness at that moment (null when no step changed hands)
     * @param clock          the due times and the waiting after the move
     * @param resultKind     GRANT or REFUSAL once the result is issued
     * @param publicNote     what the public lookup shows
     */
    record Moved(String code, Channel channel, String procedureCode, UUID receivingAgencyId, String receivingAgency,
                 UUID handlingAgencyId, String handlingAgency, int nationalStatus, Instant at, Contact contact,
                 DossierAction move, DossierState from, DossierState to, int fromNationalStatus, String actor,
                 @Nullable Step step, @Nullable HandedOver handedOver, Clock clock, Progress.Result.@Nullable Kind resultKind,
                 @Nullable String note, String publicNote) implements DossierEvent {

        public String action() {
            return "DOSSIER_" + move.name();
        }

        public String summary() {
            return DossierWords.action(move) + " hồ sơ " + code + (step == null ? "" : " → " + step.name() + " (" + step.agency() + ")")
                    + (handedOver != null && !handedOver.onTime() ? ", quá hạn bước " + handedOver.lateMinutes() + " phút làm việc" : "");
        }
    }

    /** The step holding a dossier: its name, role, agency (id and electronic ID), unit, assignee and due time. */
    record Step(int index, String name, String role, UUID agencyId, String agency, @Nullable UUID unitId, @Nullable String unit,
                @Nullable String assignee, @Nullable Instant dueAt, boolean interAgency) {
    }

    /**
     * Who held the dossier until it was handed on, since when, against which step budget, and whether it kept it:
     * lateness is attributed to this agency and unit.
     */
    record HandedOver(String step, UUID agencyId, String agency, @Nullable UUID unitId, @Nullable String unit, String person,
                      @Nullable Instant heldSince, @Nullable Instant stepDueAt, boolean onTime, int lateMinutes) {
    }

    /**
     * The clock after a move. {@code dueAt} is the appointment (moved by an extension), {@code originalDueAt} the due
     * time without extension (what on-time statistics compare with), {@code indexDueAt} the due time shifted by the
     * waiting (Decision 766); {@code supplementRequestedAt}/{@code supplementReceivedAt} the last supplement interval;
     * {@code overdue}: the result (or, while open, this moment) is after {@code originalDueAt}, so an extension never
     * makes a late dossier on time.
     */
    record Clock(@Nullable Instant receivedAt, @Nullable Instant dueAt, @Nullable Instant originalDueAt, @Nullable Instant indexDueAt,
                 boolean extended, boolean running, @Nullable Instant supplementRequestedAt, @Nullable Instant supplementReceivedAt,
                 int supplementCount, int waitedMinutes, @Nullable Instant resultReadyAt, @Nullable Instant returnedAt,
                 boolean early, boolean overdue) {
    }
}
