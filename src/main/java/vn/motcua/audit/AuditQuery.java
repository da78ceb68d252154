package vn.motcua.audit;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * Which records to list, newest first: by actor (username), action code, words in the target or summary, days
 * (Vietnam's calendar, both included), and, to page on, the cursor of the last record of the previous page.
 */
public record AuditQuery(@Nullable String actor, @Nullable String action, @Nullable String text, @Nullable LocalDate from,
                         @Nullable LocalDate to, @Nullable String before, int limit) {
}
