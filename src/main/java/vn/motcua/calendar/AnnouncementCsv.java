package vn.motcua.calendar;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;
import vn.motcua.platform.DomainProblem;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * A year's announcement as CSV, header {@code date,kind,name}: the complete list of that year's exceptions to
 * the Monday-Friday week. Every bad line is reported; a file with any bad line is refused whole.
 */
final class AnnouncementCsv {

    static final String HEADER = "date,kind,name";
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private AnnouncementCsv() {
    }

    static List<AnnouncedDay> parse(int year, Reader csv) {
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();
        var days = new ArrayList<AnnouncedDay>();
        var errors = new ArrayList<DomainProblem.InvalidParam>();
        try (var parser = format.parse(csv)) {
            var header = parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
            if (!header.equals(List.of("date", "kind", "name"))) {
                throw new InvalidAnnouncement(year, List.of(new DomainProblem.InvalidParam("line 1",
                        "dòng tiêu đề phải là '" + HEADER + "', không phải '" + String.join(",", header) + "'")));
            }
            var seen = new HashMap<LocalDate, Long>();
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                var reasons = new ArrayList<String>();
                if (record.size() != 3) {
                    reasons.add("cần 3 cột (date,kind,name), có " + record.size());
                }
                LocalDate date = record.size() > 0 ? date(record.get(0), reasons) : null;
                DayKind kind = record.size() > 1 ? kind(record.get(1), reasons) : null;
                String name = record.size() > 2 ? record.get(2) : "";
                if (name.isBlank()) {
                    reasons.add("thiếu tên (lý do nghỉ hoặc làm bù)");
                }
                if (date != null) {
                    if (date.getYear() != year) {
                        reasons.add("ngày " + date.format(VIETNAMESE_DATE) + " không thuộc năm " + year);
                    }
                    if (seen.containsKey(date)) {
                        reasons.add("ngày " + date.format(VIETNAMESE_DATE) + " đã có ở dòng " + seen.get(date));
                    }
                    seen.putIfAbsent(date, line);
                    if (kind != null) {
                        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
                        if (kind == DayKind.MAKEUP_WORKDAY && !weekend) {
                            reasons.add("ngày làm bù " + date.format(VIETNAMESE_DATE) + " không phải thứ Bảy hay Chủ nhật");
                        }
                        if ((kind == DayKind.SWAPPED_OFF || kind == DayKind.COMPENSATORY) && weekend) {
                            reasons.add("ngày " + kind.vietnameseNames().getFirst().toLowerCase(java.util.Locale.ROOT) + " "
                                    + date.format(VIETNAMESE_DATE) + " rơi vào cuối tuần");
                        }
                    }
                }
                if (reasons.isEmpty()) {
                    days.add(new AnnouncedDay(date, kind, name));
                } else {
                    errors.add(new DomainProblem.InvalidParam("line " + line, String.join("; ", reasons)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException malformed) {
            errors.add(new DomainProblem.InvalidParam("file", "CSV không đọc được: " + malformed.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidAnnouncement(year, errors);
        }
        days.sort(java.util.Comparator.comparing(AnnouncedDay::date));
        return days;
    }

    static String write(List<AnnouncedDay> days) {
        var out = new StringBuilder(HEADER).append('\n');
        for (var day : days) {
            out.append(day.date()).append(',').append(day.kind()).append(',').append(quote(day.name())).append('\n');
        }
        return out.toString();
    }

    private static String quote(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static LocalDate date(String raw, List<String> reasons) {
        try {
            return raw.contains("/") ? LocalDate.parse(raw, VIETNAMESE_DATE) : LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            reasons.add("'" + raw + "' không phải ngày (YYYY-MM-DD hoặc dd/MM/yyyy)");
            return null;
        }
    }

    private static DayKind kind(String raw, List<String> reasons) {
        var kind = DayKind.fromWritten(raw).filter(DayKind::announceable);
        if (kind.isPresent()) {
            return kind.get();
        }
        reasons.add("loại ngày '" + raw + "' không hợp lệ (ghi một trong: " + DayKind.announceableNames() + ")");
        return null;
    }

    /** A year's announcement that cannot be applied; nothing of it was. */
    static final class InvalidAnnouncement extends DomainProblem {
        InvalidAnnouncement(int year, List<InvalidParam> lines) {
            super("calendar.invalid-announcement", HttpStatus.BAD_REQUEST,
                    "Thông báo lịch nghỉ năm " + year + " có " + lines.size() + " dòng lỗi; không dòng nào được áp dụng.", lines);
        }
    }
}
