package vn.motcua.dossier.rating;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * A question of the satisfaction survey as it is in force from {@code validFrom} until the day before
 * {@code validUntil}: its words in Vietnamese and English and the answers it offers, each a small number.
 */
public record RatingQuestion(String code, LocalDate validFrom, @Nullable LocalDate validUntil, int position, String textVi,
                             String textEn, List<Option> options, boolean required) {

    public record Option(int value, String vi, String en) {
    }

    /** The question's words in the page's language (Vietnamese unless English is asked for). */
    public String text(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? textEn : textVi;
    }

    public boolean offers(int value) {
        return options.stream().anyMatch(o -> o.value() == value);
    }

    public String range() {
        return options.stream().map(o -> Integer.toString(o.value())).collect(java.util.stream.Collectors.joining(", "));
    }
}
