package vn.motcua.dossier;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates dossiers with their histories in the historical import's line format (docs/history-import.md), for the
 * 5,000,000-dossier benchmark, the demo province's past ({@link DemoDossiers}) and for trying the import: a year's
 * realistic mix per handling agency and procedure, reproducible from a seed. Of every 100 dossiers: 70 returned in time
 * (half of them early), 8 returned after one supplement, 8 returned late with a step handed on late, 2 extended, 4
 * stopped at the applicant's request, 2 refused at intake, 6 still open; a third arrive online. What staff do falls in
 * office hours on weekdays (07:30-11:30, 13:00-17:00; receipts evenly over them); an online submission at any time.
 *
 * <p>With a {@code cut} (the demo's "now") nothing happens after it: a dossier whose history runs past the cut is
 * written as it stood then (still in processing, waiting for documents, its result ready to hand over), so the recent
 * weeks hold open dossiers as a live system does, some of them already overdue; the "still open" six in a hundred are
 * then handled in time like the others instead (a province does not leave them open for a year).
 */
final class HistoryLines {

    private static final DateTimeFormatter T = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** Where dossiers of some procedures are received and who handles them (electronic IDs; the same when one agency does both). */
    record Lane(String receiving, String handling, List<String> procedures) {
        Lane {
            procedures = List.copyOf(procedures);
            if (procedures.isEmpty()) {
                throw new IllegalArgumentException("a lane without procedures: " + handling);
            }
        }
    }

    /** One status change of the history being generated, with the appointment in force after it. */
    private record Step(LocalDateTime at, int status, @Nullable String more, @Nullable LocalDateTime due) {
    }

    private final Random random;
    private final List<Lane> lanes;
    private final @Nullable String prefix;
    /** National-form codes: the last number given per receiving point and day. */
    private final java.util.Map<String, Integer> numbers = new java.util.HashMap<>();
    private final LocalDateTime from;
    private final int days;
    private final @Nullable LocalDateTime cut;

    /**
     * @param agencies   electronic IDs of handling agencies (each receives its own dossiers)
     * @param procedures procedure codes of the catalog
     * @param prefix     what every generated dossier code starts with
     */
    HistoryLines(long seed, List<String> agencies, List<String> procedures, String prefix, LocalDateTime from, int days) {
        this(seed, agencies.stream().map(a -> new Lane(a, a, procedures)).toList(), prefix, from, days, null);
    }

    /**
     * @param lanes  receiving and handling agencies with their procedures, one picked at random per dossier
     * @param prefix what every generated dossier code starts with ({@code prefix-n}); null: codes in the national form,
     *               the receiving point's electronic ID, the day received and a number from 9001 that day
     *               ({@code H36.50-250314-9001}; a desk's own numbers of a day start at 0001, so they never meet)
     * @param from   the first day dossiers are received; they are received over {@code days} days
     * @param cut    nothing happens after this time (null: histories run to their end)
     */
    HistoryLines(long seed, List<Lane> lanes, @Nullable String prefix, LocalDateTime from, int days, @Nullable LocalDateTime cut) {
        if (lanes.isEmpty()) {
            throw new IllegalArgumentException("no lanes");
        }
        this.random = new Random(seed);
        this.lanes = List.copyOf(lanes);
        this.prefix = prefix;
        this.from = from;
        this.days = days;
        this.cut = cut;
    }

    /** The {@code n}-th dossier as one JSON line (without the line feed). */
    String line(long n) {
        Lane lane = lanes.get(random.nextInt(lanes.size()));
        String procedure = lane.procedures().get(random.nextInt(lane.procedures().size()));
        int kind = random.nextInt(100);
        if (cut != null && kind >= 94 && kind < 98) {
            // with a "now", the dossiers still open are the recent ones the cut catches, not 6 in 100 left open for a year
            kind = random.nextInt(70);
        }
        int channel = random.nextInt(3) == 0 ? 2 : random.nextInt(20) == 0 ? 3 : 1;
        LocalDateTime received = receipt();
        while (cut != null && received.isAfter(cut)) { // the cut's own day after its moment: a week earlier
            received = received.minusDays(7);
        }
        String code = prefix == null ? nationalCode(lane.receiving(), received.toLocalDate()) : prefix + "-" + n;
        LocalDateTime due = workingDaysAfter(received, 3 + random.nextInt(13)).withHour(17).withMinute(0).withSecond(0);
        var steps = new ArrayList<Step>();
        LocalDateTime submitted = null;
        if (channel != 1) {
            submitted = received.minusHours(1 + random.nextInt(40));
            steps.add(new Step(submitted, 1, null, null));
        }
        if (kind >= 98) { // refused at intake
            steps.add(new Step(received, 3, "\"NoiDung\":\"Từ chối tiếp nhận: hồ sơ không thuộc thẩm quyền\"", null));
            return header(code, procedure, lane, channel, submitted, null, steps);
        }
        steps.add(new Step(received, 2, "\"NguoiXuLy\":\"Cán bộ một cửa\",\"NgayHenTra\":\"" + T.format(due) + "\"", due));
        LocalDateTime t = received.plusMinutes(20 + random.nextInt(120));
        steps.add(new Step(t, 4, "\"TenBuoc\":\"Phân công\"", due));
        LocalDateTime finalDue = due;
        if (kind >= 70 && kind < 78) { // one supplement, the clock restarts
            t = t.plusHours(2 + random.nextInt(20));
            steps.add(new Step(t, 5, "\"NoiDung\":\"Yêu cầu bổ sung hồ sơ\"", due));
            t = t.plusDays(1 + random.nextInt(4));
            finalDue = workingDaysAfter(t, 3 + random.nextInt(10)).withHour(17).withMinute(0).withSecond(0);
            steps.add(new Step(t, 4, "\"NgayHenTra\":\"" + T.format(finalDue) + "\"", finalDue));
        }
        if (kind >= 94) { // still open
            steps.add(new Step(t.plusHours(3), 4, "\"TenBuoc\":\"Thẩm định\"", finalDue));
            return header(code, procedure, lane, channel, submitted, received, steps);
        }
        if (kind >= 90) { // stopped at the applicant's request
            t = t.plusHours(4 + random.nextInt(30));
            steps.add(new Step(t, 7, null, finalDue));
            t = t.plusHours(1 + random.nextInt(8));
            steps.add(new Step(t, 8, "\"NoiDung\":\"Dừng xử lý theo đề nghị của người nộp\"", finalDue));
            return header(code, procedure, lane, channel, submitted, received, steps);
        }
        boolean late = kind >= 78 && kind < 86;
        LocalDateTime appraisalDue = t.plusHours(24);
        LocalDateTime appraised = late ? finalDue.plusHours(2 + random.nextInt(40)) : t.plusHours(1 + random.nextInt(20));
        steps.add(new Step(appraised, 4, "\"TenBuoc\":\"Thẩm định\",\"PhongBanXuLy\":\"Phòng chuyên môn\",\"HanXuLy\":\"" + T.format(appraisalDue)
                + "\",\"QuaHanPhut\":" + (appraised.isAfter(appraisalDue) ? 60 + random.nextInt(900) : 0), finalDue));
        t = appraised;
        if (kind >= 86 && kind < 88) { // extended once, the day before it was due
            LocalDateTime extendedTo = workingDaysAfter(finalDue, 3).withHour(17).withMinute(0).withSecond(0);
            steps.add(new Step(t.plusMinutes(30), 4, "\"NoiDung\":\"Gia hạn, xin lỗi người nộp\",\"NgayGiaHan\":\"" + T.format(extendedTo) + "\"",
                    extendedTo));
            finalDue = extendedTo;
            t = t.plusMinutes(30);
        }
        t = t.plusHours(1 + random.nextInt(6));
        steps.add(new Step(t, 4, "\"TenBuoc\":\"Trình ký\"", finalDue));
        // half of those in time are ready days early, the other half on the appointment's day (on time, not early)
        LocalDateTime ready = late ? t.plusHours(2) : kind < 35 ? t.plusMinutes(10) : finalDue.minusHours(1 + random.nextInt(4));
        if (!late && ready.isAfter(finalDue)) {
            ready = finalDue.minusMinutes(30);
        }
        if (ready.isBefore(t)) {
            ready = t.plusMinutes(5);
        }
        steps.add(new Step(ready, 9, null, finalDue));
        LocalDateTime returned = ready.plusHours(1 + random.nextInt(48));
        steps.add(new Step(returned, 10, "\"NoiDung\":\"Đã trả kết quả\"", finalDue));
        return header(code, procedure, lane, channel, submitted, received, steps);
    }

    /**
     * The line's header from its history, cut where the generator's "now" is: the final status is the last one reached,
     * the appointment the one in force then, the end of processing and the return only when they happened.
     */
    private String header(String code, String procedure, Lane lane, int channel, @Nullable LocalDateTime submitted,
                          @Nullable LocalDateTime received, List<Step> all) {
        // staff act in office hours (an online submission comes at any time); then what the cut has not reached yet
        List<Step> worked = all.stream().map(s -> s.status() == 1 ? s : new Step(atWork(s.at()), s.status(), s.more(), s.due())).toList();
        List<Step> steps = cut == null ? worked : worked.stream().filter(s -> !s.at().isAfter(cut)).toList();
        Step last = steps.getLast();
        int status = last.status();
        LocalDateTime ended = null;
        LocalDateTime returned = null;
        for (Step s : steps) {
            if (s.status() == 8 || s.status() == 9) {
                ended = s.at();
            } else if (s.status() == 10) {
                returned = s.at();
            }
        }
        var b = new StringBuilder(1400);
        b.append("{\"MaHoSo\":\"").append(code).append("\",\"MaTTHC\":\"").append(procedure).append("\",\"MaDonViTiepNhan\":\"")
                .append(lane.receiving()).append("\",\"MaDonViXuLy\":\"").append(lane.handling()).append("\",\"KenhThucHien\":").append(channel)
                .append(",\"LoaiDoiTuong\":1,\"ChuHoSo\":\"").append(name()).append("\",\"SoDinhDanh\":\"0680900")
                .append(100000 + random.nextInt(900000)).append("\",\"SoDienThoai\":\"09")
                .append(10000000 + random.nextInt(90000000)).append('"');
        field(b, "NgayNopHoSo", submitted);
        field(b, "NgayTiepNhan", received);
        field(b, "NgayHenTra", received == null ? null : last.due());
        field(b, "NgayKetThucXuLy", ended);
        field(b, "NgayTra", returned);
        b.append(",\"TrangThaiHoSo\":").append(status).append(",\"QuaTrinhXuLy\":[");
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            b.append(i == 0 ? "" : ",").append("{\"ThoiDiem\":\"").append(T.format(s.at())).append("\",\"TrangThaiHoSo\":").append(s.status());
            if (s.more() != null) {
                b.append(',').append(s.more());
            }
            b.append('}');
        }
        return b.append("]}").toString();
    }

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
            "Hồ", "Ngô", "Dương", "Lý", "K'", "Ka", "Ha"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Thanh", "Ngọc", "Đức", "Hữu", "Thu", "Quốc", "Kim"};
    private static final String[] GIVEN = {"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Hương", "Khánh", "Lan",
            "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Yến"};

    /** A Vietnamese full name (the family names of Lâm Đồng's Kinh and K'Ho applicants). */
    private String name() {
        String family = FAMILY[random.nextInt(FAMILY.length)];
        if (family.equals("K'") || family.equals("Ka") || family.equals("Ha")) {
            return family + (family.equals("K'") ? "" : " ") + GIVEN[random.nextInt(GIVEN.length)];
        }
        return family + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " " + GIVEN[random.nextInt(GIVEN.length)];
    }

    private static void field(StringBuilder b, String name, LocalDateTime t) {
        if (t != null) {
            b.append(",\"").append(name).append("\":\"").append(T.format(t)).append('"');
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private String nationalCode(String receiving, LocalDate day) {
        int number = numbers.merge(receiving + day, 9001, (last, first) -> last + 1);
        return receiving + "-" + DAY.format(day) + "-" + number;
    }

    /** A weekday of the period and a minute of its office hours (07:30-11:30, 13:00-17:00), evenly. */
    private LocalDateTime receipt() {
        LocalDate day;
        do {
            day = from.toLocalDate().plusDays(random.nextInt(days));
        } while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY);
        int minute = random.nextInt(480);
        return day.atTime(minute < 240 ? MORNING.plusMinutes(minute) : AFTERNOON.plusMinutes(minute - 240L));
    }

    private static final LocalTime MORNING = LocalTime.of(7, 30);
    private static final LocalTime NOON = LocalTime.of(11, 30);
    private static final LocalTime AFTERNOON = LocalTime.of(13, 0);
    private static final LocalTime CLOSING = LocalTime.of(17, 0);

    /**
     * The moment itself when it falls in office hours, else the next opening (the next morning, the afternoon after
     * lunch, Monday after a weekend): never earlier, and in the same order as the moments it is given.
     */
    static LocalDateTime atWork(LocalDateTime t) {
        LocalDateTime d = t;
        while (true) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                d = d.toLocalDate().plusDays(1).atTime(MORNING);
                continue;
            }
            LocalTime time = d.toLocalTime();
            if (time.isBefore(MORNING)) {
                return d.toLocalDate().atTime(MORNING);
            }
            if (!time.isBefore(NOON) && time.isBefore(AFTERNOON)) {
                return d.toLocalDate().atTime(AFTERNOON);
            }
            if (time.isAfter(CLOSING)) {
                d = d.toLocalDate().plusDays(1).atTime(MORNING);
                continue;
            }
            return d;
        }
    }

    private static LocalDateTime workingDaysAfter(LocalDateTime t, int n) {
        LocalDateTime d = t;
        for (int i = 0; i < n; ) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                i++;
            }
        }
        return d;
    }
}
