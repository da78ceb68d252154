package vn.motcua.dossier;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.platform.database.PendingWrites;

import java.sql.Timestamp;
import java.util.Map;

/**
 * Keeps every {@link DossierEvent} the module publishes in {@code dossier.event_journal}, in the transaction that
 * publishes it (the row travels with the move's own writes in {@link PendingWrites}: no round trip of its own), so
 * that {@link DossierReplay} can give a consumer the very events it was given, in the same order, and its
 * projection rebuilt from them is the one it built incrementally. The applicant's contact is left out of the
 * journal (the dossier row has it).
 */
@Component
class DossierJournal extends DossierEventListener {

    static final String INSERT = """
            insert into dossier.event_journal (code, at, kind, payload) values (:code, :at, :kind, cast(:payload as jsonb))""";

    private final PendingWrites writes;
    private final JsonMapper json;

    DossierJournal(PendingWrites writes, JsonMapper json) {
        this.writes = writes;
        this.json = json;
    }

    @Override
    protected void on(DossierEvent e) {
        writes.add(INSERT, row(e), 1);
    }

    /** The journal row of an event: its code, time, kind and payload without the contact. */
    Map<String, Object> row(DossierEvent e) {
        return Map.of("code", e.code(), "at", Timestamp.from(e.at()), "kind", kind(e), "payload", payload(e));
    }

    String payload(DossierEvent e) {
        ObjectNode node = json.valueToTree(e);
        node.remove("contact");
        return json.writeValueAsString(node);
    }

    static String kind(DossierEvent e) {
        return switch (e) {
            case DossierEvent.Submitted s -> "Submitted";
            case DossierEvent.Received r -> "Received";
            case DossierEvent.SupplementRequested s -> "SupplementRequested";
            case DossierEvent.Refused r -> "Refused";
            case DossierEvent.Moved m -> "Moved";
        };
    }

    static Class<? extends DossierEvent> type(String kind) {
        return switch (kind) {
            case "Submitted" -> DossierEvent.Submitted.class;
            case "Received" -> DossierEvent.Received.class;
            case "SupplementRequested" -> DossierEvent.SupplementRequested.class;
            case "Refused" -> DossierEvent.Refused.class;
            case "Moved" -> DossierEvent.Moved.class;
            default -> throw new IllegalStateException("unknown journal kind " + kind);
        };
    }
}
