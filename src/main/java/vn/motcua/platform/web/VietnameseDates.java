package vn.motcua.platform.web;

import org.springframework.format.Formatter;

import java.text.ParseException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * Dates on pages as Vietnamese officials write them, whatever the browser's language: shown {@code dd/MM/yyyy},
 * read as {@code d/M/yyyy} (or {@code yyyy-MM-dd}, what links and older forms send). Pages take dates in text
 * inputs with this pattern rather than {@code <input type=date>}, whose display follows the browser's locale.
 */
public final class VietnameseDates implements Formatter<LocalDate> {

    public static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final java.util.regex.Pattern DAY_FIRST_OTHER_SEPARATOR = java.util.regex.Pattern.compile("\\d{1,2}[-.]\\d{1,2}[-.]\\d{4}");
    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    @Override
    public LocalDate parse(String text, Locale locale) throws ParseException {
        return read(text);
    }

    /** The date written {@code d/M/yyyy} or {@code yyyy-MM-dd}. */
    public static LocalDate read(String text) throws ParseException {
        String written = text.strip();
        if (DAY_FIRST_OTHER_SEPARATOR.matcher(written).matches()) {
            written = written.replace('-', '/').replace('.', '/'); // 01-07-2025, 01.07.2025
        }
        try {
            return written.contains("/") ? LocalDate.parse(written, WRITTEN) : LocalDate.parse(written);
        } catch (DateTimeParseException e) {
            throw new ParseException("'" + text + "' không phải ngày dạng dd/MM/yyyy", e.getErrorIndex());
        }
    }

    @Override
    public String print(LocalDate date, Locale locale) {
        return date.format(SHOWN);
    }
}
