package vn.motcua.oversight;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The dossiers behind one figure (the drill-down), a page of them: counted by the same rule as the figure, so
 * {@code total} equals it. {@code ended} is the end within the period (null: still open at its end).
 */
public record DossierList(String scope, LocalDate from, LocalDate to, String measure, String measureLabel, @Nullable String procedure,
                          @Nullable String field,                           long total, int page, int size, List<Row> rows) {

    /** @param originalDueAt the appointment without extension (what on time is judged by); {@code dueAt} the one in force */
    public record Row(String code, String procedureCode, String procedureName, String agency, String channel, Instant receivedAt,
                      @Nullable Instant originalDueAt, @Nullable Instant dueAt, @Nullable Instant ended, String state, boolean late) {
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
