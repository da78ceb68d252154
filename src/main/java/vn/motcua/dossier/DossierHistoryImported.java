package vn.motcua.dossier;

import vn.motcua.platform.AuditableEvent;

import java.util.List;
import java.util.UUID;

/**
 * A chunk of a historical import committed: the dossiers it created, with the events each would have published had it
 * been processed here ({@link DossierEvent}, in order), so that a projection built from those events counts them
 * like any other. Not a {@link DossierEvent} itself: nobody is notified of a dossier of years ago, and the audit
 * records the chunk once, not every event in it.
 */
public record DossierHistoryImported(UUID importId, int firstLine, int lastLine, int dossiers, List<DossierEvent> events)
        implements AuditableEvent {

    public String action() {
        return "DOSSIER_HISTORY_IMPORTED";
    }

    public String target() {
        return "history-import:" + importId;
    }

    public String summary() {
        return "Nhập lịch sử " + dossiers + " hồ sơ từ hệ thống cũ (dòng " + firstLine + "–" + lastLine + ")";
    }
}
