package vn.motcua.dossier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * A dossier code per Circular 03/2025/TT-VPCP Art. 13(1-2): {@code {receiving agency e-ID}-{YYMMDD}-{NNNN}}, the
 * sequence of that agency's day, at least four digits and wider when it overflows (vn-rules §3.2), for example
 * {@code H36.50-260302-0001}. A code that came from the national portal is kept as it is.
 */
public record DossierCode(String value) {

    private static final Pattern GENERAL = Pattern.compile("[A-Z]\\d{2}(\\.[0-9A-Z]{2,3})*-\\d{6}-\\d{4,}");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    public DossierCode {
        if (value == null || !GENERAL.matcher(value).matches()) {
            throw new IllegalArgumentException("not a dossier code: " + value);
        }
    }

    /** The code of the {@code sequence}-th dossier received by the agency on that day. */
    public static DossierCode of(String receivingElectronicId, LocalDate day, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        return new DossierCode(receivingElectronicId + "-" + day.format(YYMMDD) + "-" + String.format("%04d", sequence));
    }

    public static boolean isValid(String value) {
        return value != null && GENERAL.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
