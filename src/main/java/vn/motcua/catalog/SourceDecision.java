package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A publishing decision as a catalog source states it. Numbers are kept as written, except for two slips of the
 * national portal that change nothing of the number ("SỐ 64/QĐ-NHNN", "2267./QĐ-BXD"). The issuer is read from the
 * abbreviation in the number (Decree 30/2020 App. III: "4472/QĐ-BTC" is the Ministry of Finance's, "885/QĐ-BCA-C06"
 * the Ministry of Public Security's, "12/QĐ-BGTVT" the former Ministry of Transport's even when the procedure now sits
 * in the Ministry of Construction's list); failing that, from the ministry whose list the procedure was exported in;
 * failing that, it is not stated. No source states a decision's date. The abbreviations and lists are data
 * ({@code catalog/issuers.csv}).
 */
record SourceDecision(@Nullable String number, @Nullable String issuer, @Nullable String note) {

    private static final Pattern LEADING_SO = Pattern.compile("^(?iu:số)\\s*:?\\s*");
    private static final Pattern STRAY_DOT = Pattern.compile("^(\\d+[a-z]?)\\./");
    private static final Pattern TOKEN = Pattern.compile("[/\\-\\s]+");
    private static final Map<String, String> BY_NUMBER = new HashMap<>();
    private static final Map<String, String> BY_LIST = new HashMap<>();

    static {
        try (var in = new BufferedReader(new InputStreamReader(
                SourceDecision.class.getResourceAsStream("/catalog/issuers.csv"), StandardCharsets.UTF_8))) {
            in.lines().skip(1).filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(line -> {
                String[] cells = line.split(",", 3);
                (cells[0].equals("number") ? BY_NUMBER : BY_LIST).put(cells[1].strip(), cells[2].strip());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param raw  the number as the source writes it ({@code so_quyet_dinh}, {@code quyet_dinh_cong_bo}); blank: none stated
     * @param list the ministry list the row comes from ({@code ministry_folder}), or null
     */
    static SourceDecision of(@Nullable String raw, @Nullable String list) {
        String number = raw == null ? "" : raw.strip();
        String note = null;
        String cleaned = STRAY_DOT.matcher(LEADING_SO.matcher(number).replaceFirst("")).replaceFirst("$1/");
        if (!cleaned.equals(number)) {
            note = "số quyết định '" + number + "' ghi thành " + cleaned;
            number = cleaned;
        }
        String issuer = null;
        if (!number.isEmpty()) {
            for (String token : TOKEN.split(number)) {
                String name = BY_NUMBER.get(token);
                if (name != null) {
                    issuer = name;
                    break;
                }
            }
        }
        if (issuer == null && list != null) {
            issuer = BY_LIST.get(list.strip());
        }
        return new SourceDecision(number.isEmpty() ? null : number, issuer, note);
    }
}
