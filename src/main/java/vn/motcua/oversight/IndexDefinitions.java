package vn.motcua.oversight;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * The 766 index as data: every version of its groups, indicators, points and targets, and of its rating bands, each
 * row valid from one date until the day before another ({@code valid_to} inclusive, empty = still in force).
 * {@link #on(LocalDate)} gives the rules in force on a day; a version whose groups do not add up to their points,
 * or whose points do not add up to 100, is refused when it is read, never scored.
 */
public final class IndexDefinitions {

    /** One indicator as defined on a day. {@code maxPoints} 0: tracked and shown, not scored. */
    public record Indicator(String code, String metricKey, String name, BigDecimal maxPoints, BigDecimal target, IndexSource source) {
    }

    public record Group(String code, String name, BigDecimal maxPoints, List<Indicator> indicators) {
    }

    /** A rating band: from {@code minScore} (inclusive) up to the next band's. */
    public record Band(String code, String label, BigDecimal minScore) {
    }

    /** The rules in force on one day. */
    public record Version(LocalDate day, List<Group> groups, List<Band> bands) {

        public BigDecimal maxPoints() {
            return groups.stream().map(Group::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** The band a score out of 100 falls in. */
        public Band band(BigDecimal score) {
            return bands.stream().filter(b -> score.compareTo(b.minScore()) >= 0)
                    .max(Comparator.comparing(Band::minScore)).orElse(bands.getLast());
        }
    }

    private record Dated<T>(LocalDate from, @Nullable LocalDate to, String group, String groupName, BigDecimal groupMax, T value) {
        boolean on(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }
    }

    private final List<Dated<Indicator>> indicators;
    private final List<Dated<Band>> bands;

    private IndexDefinitions(List<Dated<Indicator>> indicators, List<Dated<Band>> bands) {
        this.indicators = indicators;
        this.bands = bands;
    }

    /** The definitions shipped with the application ({@code oversight/index766-indicators.csv}, {@code -bands.csv}). */
    public static IndexDefinitions shipped() {
        try (var indicators = resource("oversight/index766-indicators.csv"); var bands = resource("oversight/index766-bands.csv")) {
            return read(new InputStreamReader(indicators, StandardCharsets.UTF_8), new InputStreamReader(bands, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        return Objects.requireNonNull(IndexDefinitions.class.getClassLoader().getResourceAsStream(name), name);
    }

    /** Dated data files of the index: a header row, '#' comments, blank lines ignored, cells trimmed. */
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true).get();

    /** @throws IllegalArgumentException naming the line and the fault */
    public static IndexDefinitions read(Reader indicatorCsv, Reader bandCsv) throws IOException {
        var indicators = new ArrayList<Dated<Indicator>>();
        for (CSVRecord r : FORMAT.parse(indicatorCsv)) {
            try {
                indicators.add(new Dated<>(LocalDate.parse(r.get("valid_from")), optionalDate(r.get("valid_to")), r.get("group"),
                        r.get("group_name"), new BigDecimal(r.get("group_max")),
                        new Indicator(r.get("code"), r.get("metric_key"), r.get("name"), new BigDecimal(r.get("max_points")),
                                ratio(r.get("target")), IndexSource.valueOf(r.get("source")))));
            } catch (java.time.format.DateTimeParseException | IllegalArgumentException | IllegalStateException e) { // a malformed cell or a missing column
                throw new IllegalArgumentException("Chỉ số 766, dòng " + r.getRecordNumber() + ": " + e.getMessage(), e);
            }
        }
        var bands = new ArrayList<Dated<Band>>();
        for (CSVRecord r : FORMAT.parse(bandCsv)) {
            try {
                bands.add(new Dated<>(LocalDate.parse(r.get("valid_from")), optionalDate(r.get("valid_to")), "", "", BigDecimal.ZERO,
                        new Band(r.get("band"), r.get("label"), new BigDecimal(r.get("min_score")))));
            } catch (java.time.format.DateTimeParseException | IllegalArgumentException | IllegalStateException e) { // a malformed cell or a missing column
                throw new IllegalArgumentException("Xếp loại 766, dòng " + r.getRecordNumber() + ": " + e.getMessage(), e);
            }
        }
        var definitions = new IndexDefinitions(List.copyOf(indicators), List.copyOf(bands));
        // Every version must add up: check each day on which one begins.
        indicators.stream().map(Dated::from).distinct().forEach(definitions::on);
        return definitions;
    }

    /**
     * The rules in force on {@code day}.
     *
     * @throws IllegalStateException when no version is in force then, or the one in force does not add up
     */
    public Version on(LocalDate day) {
        var groups = new LinkedHashMap<String, List<Dated<Indicator>>>();
        indicators.stream().filter(d -> d.on(day)).forEach(d -> groups.computeIfAbsent(d.group(), g -> new ArrayList<>()).add(d));
        if (groups.isEmpty()) {
            throw new IllegalStateException("Không có bộ chỉ số 766 nào có hiệu lực ngày " + day);
        }
        var result = new ArrayList<Group>();
        for (var entry : groups.entrySet()) {
            var rows = entry.getValue();
            var first = rows.getFirst();
            BigDecimal sum = rows.stream().map(d -> d.value().maxPoints()).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(first.groupMax()) != 0 || rows.stream().anyMatch(d -> d.groupMax().compareTo(first.groupMax()) != 0)) {
                throw new IllegalStateException("Nhóm " + entry.getKey() + " của bộ chỉ số 766 ngày " + day + ": các chỉ tiêu cộng lại "
                        + sum.toPlainString() + " điểm, nhóm ghi " + first.groupMax().toPlainString());
            }
            result.add(new Group(entry.getKey(), first.groupName(), first.groupMax(), rows.stream().map(Dated::value).toList()));
        }
        var version = new Version(day, List.copyOf(result),
                bands.stream().filter(d -> d.on(day)).map(Dated::value).sorted(Comparator.comparing(Band::minScore).reversed()).toList());
        if (version.maxPoints().compareTo(BigDecimal.valueOf(100)) != 0) {
            throw new IllegalStateException("Bộ chỉ số 766 ngày " + day + " cộng lại " + version.maxPoints().toPlainString() + " điểm, không phải 100");
        }
        if (version.bands().isEmpty() || version.bands().getLast().minScore().signum() != 0) {
            throw new IllegalStateException("Xếp loại 766 ngày " + day + " phải có một mức bắt đầu từ 0 điểm");
        }
        return version;
    }

    private static @Nullable LocalDate optionalDate(String text) {
        return text.isBlank() ? null : LocalDate.parse(text);
    }

    private static BigDecimal ratio(String text) {
        var value = new BigDecimal(text);
        if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("mục tiêu " + text + " phải lớn hơn 0 và không quá 1");
        }
        return value;
    }
}
