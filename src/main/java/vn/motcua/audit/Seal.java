package vn.motcua.audit;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One seal: it covers the records written by transactions {@code fromTx <= tx < toTx}, in (tx, id) order, and is
 * chained to the seal before it by that seal's MAC. Its text form ({@link #line()}) is what the sealer logs and
 * what the signed download lists, so an operator can keep seals outside the database and verify against them.
 */
public record Seal(long sealNo, Instant sealedAt, long fromTx, long toTx, int records, long firstRecord, long lastRecord,
                   String digest, String previousMac, String keyId, String mac) {

    private static final Pattern LINE = Pattern.compile(
            "seal=(\\d+) at=(\\S+) from=(\\d+) to=(\\d+) records=(\\d+) first=(\\d+) last=(\\d+) digest=([0-9a-f]{64}) "
                    + "previous=([0-9a-f]{64}) key=(\\S+) mac=([0-9a-f]{64})");

    /** The seal as one line, for the log and for the download. */
    public String line() {
        return String.format(Locale.ROOT, "seal=%d at=%s from=%d to=%d records=%d first=%d last=%d digest=%s previous=%s key=%s mac=%s",
                sealNo, sealedAt, fromTx, toTx, records, firstRecord, lastRecord, digest, previousMac, keyId, mac);
    }

    /** Every seal line found in a text (a download or raw log lines). */
    static java.util.List<Seal> parseAll(String text) {
        var seals = new java.util.ArrayList<Seal>();
        var m = LINE.matcher(text);
        while (m.find()) {
            seals.add(new Seal(Long.parseLong(m.group(1)), Instant.parse(m.group(2)), Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)), Integer.parseInt(m.group(5)), Long.parseLong(m.group(6)),
                    Long.parseLong(m.group(7)), m.group(8), m.group(9), m.group(10), m.group(11)));
        }
        return seals;
    }
}
