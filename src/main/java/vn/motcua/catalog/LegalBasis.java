package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * A legal document the procedure rests on (căn cứ pháp lý), cited the way Vietnamese legal documents are numbered
 * (Decree 34/2016/NĐ-CP Art. 55 and Law 80/2015/QH13 Art. 8): number/year/symbol, where the symbol names the kind and
 * the issuer ("66.7/2025/NQ-CP": resolution of the Government; "50/2014/QH13": a law of the 13th National Assembly).
 *
 * @param title  the document's title as the source wrote it
 * @param number its number and symbol (số, ký hiệu), empty when the source gives none
 * @param kind   the kind of document (Luật, Nghị định, Thông tư…) read from the symbol or the title, null when neither says
 * @param date   the day it was issued when the title states it next to the document's own number
 * @param issuer the issuing body read from the symbol ("Chính phủ", "Bộ Công an"), null when unknown
 */
public record LegalBasis(String title, String number, @Nullable LocalDate date, @Nullable String issuer,
                         @Nullable LocalDate effectiveDate, @Nullable String kind) {

    /** "Nghị quyết, Chính phủ": what the symbol says, for a reader. */
    public String kindAndIssuer() {
        return java.util.stream.Stream.of(kind, issuer).filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining(", "));
    }

    public LegalBasis(String title, String number, @Nullable LocalDate date, @Nullable String issuer, @Nullable LocalDate effectiveDate) {
        this(title, number, date, issuer, effectiveDate, LegalCitations.kindOf(number, title));
    }
}
