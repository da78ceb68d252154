package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** A legal document the procedure rests on (căn cứ pháp lý). */
public record LegalBasis(String title, String number, @Nullable LocalDate date, @Nullable String issuer,
                         @Nullable LocalDate effectiveDate) {
}
