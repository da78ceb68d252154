package vn.motcua.audit;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One page of the audit log, newest first.
 *
 * @param next the cursor that lists the records after this page (older ones), null on the last page
 */
public record AuditSlice(List<AuditEntry> entries, @Nullable String next) {
}
