package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * What importing a file would do, computed without writing anything: the report (new, amended, unchanged, rejected
 * rows), the decisions the rows name, and each procedure it would publish or amend. An import never abolishes: a
 * procedure absent from the file stays as it is. {@code digest} covers the plan and the versions it closes; the
 * confirmation carries it and {@code fileDigest} (the upload's SHA-256), and is refused when either no longer matches.
 *
 * @param stagedId where the page keeps the upload until it is confirmed or cancelled
 */
public record CatalogImportPreview(UUID stagedId, String fileName, String fileDigest, CatalogImportReport report,
                                   List<PlannedDecision> decisions, List<Planned> procedures, String digest) {

    /** A decision the rows name, as the source states it (null number or issuer: not stated), with how many procedures. */
    public record PlannedDecision(@Nullable String number, @Nullable String issuer, int procedures) {
    }

    /** A procedure the import would publish (NEW) or amend (AMENDED), with the components an amendment changes. */
    public record Planned(String code, Decision.Change change, String name, @Nullable String decisionNumber, @Nullable String issuer,
                          List<String> changed) {
    }

    public List<Planned> of(Decision.Change change) {
        return procedures.stream().filter(p -> p.change() == change).toList();
    }
}
