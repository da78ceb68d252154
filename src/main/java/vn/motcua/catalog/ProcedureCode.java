package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A procedure's national code from the national database on procedures (CSDLQG về TTHC), {@code d.dddddd}
 * (rules digest §3.3), and the provincial suffix portals add to it ({@code .H36}, {@code .000.00.00.H36}),
 * kept apart: the base code identifies the procedure, the suffix only the province's service instance.
 */
public record ProcedureCode(String base, @Nullable String suffix) {

    private static final Pattern FORMAT = Pattern.compile("(\\d\\.\\d{6})((?:\\.[0-9A-Z]{2,3})*)");

    /** Parses a code as exports write it; empty when it is not a national code (CCHC_01, TEST_MOT_CAP…). */
    public static Optional<ProcedureCode> parse(String raw) {
        var m = FORMAT.matcher(raw.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ProcedureCode(m.group(1), m.group(2).isEmpty() ? null : m.group(2).substring(1)));
    }

    private static final Pattern LENIENT = Pattern.compile("(\\d)\\.?(\\d{6})(?:\\.?([0-9A-Z.]+))?");

    /**
     * Parses a code as people typed it into provincial systems, repairing what is unambiguous: spaces
     * ("1.008201.000.00.00. H37"), commas for dots, doubled or trailing dots, a missing dot ("2000027.000…" →
     * 2.000027). Empty when no national code can be read from it.
     */
    public static Optional<ProcedureCode> parseLenient(String raw) {
        String s = raw.toUpperCase(Locale.ROOT).replaceAll("\\s+", "").replace(',', '.').replaceAll("\\.{2,}", ".").replaceAll("\\.+$", "");
        var m = LENIENT.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ProcedureCode(m.group(1) + "." + m.group(2), m.group(3) == null || m.group(3).isEmpty() ? null : m.group(3)));
    }

    public static boolean isBase(String raw) {
        return raw.matches("\\d\\.\\d{6}");
    }

    /** The code as printed with its suffix, for example {@code 1.013463.H36}. */
    public String full() {
        return suffix == null ? base : base + "." + suffix;
    }
}
