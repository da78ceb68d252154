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

    @Override
    default String target() {
        return "dossier:" + code();
    }

    /** An online or postal dossier arrived and waits for the desk (national status 1). */
    record Submitted(String code, Channel channel, String procedureCode, UUID receivingAgencyId, String receivingAgency,
                     UUID handlingAgencyId, String handlingAgency, int nationalStatus, Instant at) implements DossierEvent {
        public String action() {
            return "DOSSIER_SUBMITTED";
        }

        public String summary() {
            return "Hồ sơ " + code + " nộp " + DossierWords.channel(channel).toLowerCase() + ", thủ tục " + procedureCode;
        }
    }

    /**
     * Received complete (Form 01), at the desk or by accepting an online dossier: the clock runs from
     * {@code clockStart}, the appointment is {@code dueAt} (null when the procedure states no time limit).
     */
    record Received(String code, Channel channel, String procedureCode, UUID receivingAgencyId, String receivingAgency,
                    UUID handlingAgencyId, String handlingAgency, int nationalStatus, Instant at, Instant clockStart,
                    @Nullable Instant dueAt, boolean accepted) implements DossierEvent {
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
                               UUID handlingAgencyId, String handlingAgency, int nationalStatus, Instant at, int missingItems)
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
                   UUID handlingAgencyId, String handlingAgency, int nationalStatus, Instant at, String reason)
            implements DossierEvent {
        public String action() {
            return "DOSSIER_REFUSED";
        }

        public String summary() {
            return "Từ chối tiếp nhận hồ sơ " + code + ": " + reason;
        }
    }
}
