package vn.motcua.dossier;

import java.time.LocalDateTime;
import java.util.List;

/** {@link HistoryLines} for tests of other modules: generated import files of one receiving and handling agency. */
public final class GeneratedHistory {

    private GeneratedHistory() {
    }

    /** {@code count} lines, the dossiers coded {@code prefix-0…}, received over {@code days} days from {@code from}, nothing after {@code cut}. */
    public static String file(long seed, String agency, List<String> procedures, String prefix, LocalDateTime from, int days,
                              LocalDateTime cut, int count) {
        var lines = new HistoryLines(seed, List.of(new HistoryLines.Lane(agency, agency, procedures)), prefix, from, days, cut);
        var b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append(lines.line(i)).append('\n');
        }
        return b.toString();
    }
}
