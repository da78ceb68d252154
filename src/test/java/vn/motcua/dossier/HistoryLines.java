package vn.motcua.dossier;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates dossiers with their histories in the historical import's line format (docs/history-import.md), for the
 * 5,000,000-dossier benchmark and for trying the import: a year's realistic mix per handling agency and procedure,
 * reproducible from a seed. Of every 100 dossiers: 70 returned in time (half of them early), 8 returned after one
 * supplement, 8 returned late with a step handed on late, 2 extended, 4 stopped at the applicant's request, 2 refused at
 * intake, 6 still open; a third arrive online. Times fall in office hours on weekdays.
 */
final class HistoryLines {

    private static final DateTimeFormatter T = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Random random;
    private final List<String> agencies;
    private final List<String> procedures;
    private final String prefix;
    private final LocalDateTime from;
    private final int days;

    /**
     * @param agencies   electronic IDs of handling agencies
     * @param procedures procedure codes of the catalog
     * @param prefix     what every generated dossier code starts with
     */
    HistoryLines(long seed, List<String> agencies, List<String> procedures, String prefix, LocalDateTime from, int days) {
        this.random = new Random(seed);
        this.agencies = agencies;
        this.procedures = procedures;
        this.prefix = prefix;
        this.from = from;
        this.days = days;
    }

    /** The {@code n}-th dossier as one JSON line (without the line feed). */
    String line(long n) {
        String code = prefix + "-" + n;
        String agency = agencies.get(random.nextInt(agencies.size()));
        String procedure = procedures.get(random.nextInt(procedures.size()));
        int kind = random.nextInt(100);
        int channel = random.nextInt(3) == 0 ? 2 : random.nextInt(20) == 0 ? 3 : 1;
        LocalDateTime received = officeHours(from.plusDays(random.nextInt(days)).plusMinutes(random.nextInt(480)));
        LocalDateTime due = workingDaysAfter(received, 3 + random.nextInt(13)).withHour(17).withMinute(0).withSecond(0);
        var events = new ArrayList<String>();
        LocalDateTime submitted = null;
        if (channel != 1) {
            submitted = received.minusHours(1 + random.nextInt(40));
            events.add(event(submitted, 1, null));
        }
        if (kind >= 98) { // refused at intake
            events.add(event(received, 3, "\"NoiDung\":\"Từ chối tiếp nhận: hồ sơ không thuộc thẩm quyền\""));
            return header(code, procedure, agency, channel, submitted, null, null, null, null, 3, events);
        }
        events.add(event(received, 2, "\"NguoiXuLy\":\"Cán bộ một cửa\",\"NgayHenTra\":\"" + T.format(due) + "\""));
        LocalDateTime t = received.plusMinutes(20 + random.nextInt(120));
        events.add(event(t, 4, "\"TenBuoc\":\"Phân công\""));
        LocalDateTime finalDue = due;
        if (kind >= 70 && kind < 78) { // one supplement, the clock restarts
            t = t.plusHours(2 + random.nextInt(20));
            events.add(event(t, 5, "\"NoiDung\":\"Yêu cầu bổ sung hồ sơ\""));
            t = t.plusDays(1 + random.nextInt(4));
            finalDue = workingDaysAfter(t, 3 + random.nextInt(10)).withHour(17).withMinute(0).withSecond(0);
            events.add(event(t, 4, "\"NgayHenTra\":\"" + T.format(finalDue) + "\""));
        }
        if (kind >= 94) { // still open
            events.add(event(t.plusHours(3), 4, "\"TenBuoc\":\"Thẩm định\""));
            return header(code, procedure, agency, channel, submitted, received, finalDue, null, null, 4, events);
        }
        if (kind >= 90) { // stopped at the applicant's request
            t = t.plusHours(4 + random.nextInt(30));
            events.add(event(t, 7, null));
            t = t.plusHours(1 + random.nextInt(8));
            events.add(event(t, 8, "\"NoiDung\":\"Dừng xử lý theo đề nghị của người nộp\""));
            return header(code, procedure, agency, channel, submitted, received, finalDue, t, null, 8, events);
        }
        boolean late = kind >= 78 && kind < 86;
        LocalDateTime appraisalDue = t.plusHours(24);
        LocalDateTime appraised = late ? finalDue.plusHours(2 + random.nextInt(40)) : t.plusHours(1 + random.nextInt(20));
        events.add(event(appraised, 4, "\"TenBuoc\":\"Thẩm định\",\"PhongBanXuLy\":\"Phòng chuyên môn\",\"HanXuLy\":\"" + T.format(appraisalDue)
                + "\",\"QuaHanPhut\":" + (appraised.isAfter(appraisalDue) ? 60 + random.nextInt(900) : 0)));
        t = appraised;
        if (kind >= 86 && kind < 88) { // extended once, the day before it was due
            LocalDateTime extendedTo = workingDaysAfter(finalDue, 3).withHour(17).withMinute(0).withSecond(0);
            events.add(event(t.plusMinutes(30), 4, "\"NoiDung\":\"Gia hạn, xin lỗi người nộp\",\"NgayGiaHan\":\"" + T.format(extendedTo) + "\""));
            finalDue = extendedTo;
            t = t.plusMinutes(30);
        }
        t = t.plusHours(1 + random.nextInt(6));
        events.add(event(t, 4, "\"TenBuoc\":\"Trình ký\""));
        LocalDateTime ready = late ? t.plusHours(2) : t.plusMinutes(kind < 35 ? 10 : 60);
        if (!late && ready.isAfter(finalDue)) {
            ready = finalDue.minusMinutes(30);
        }
        if (ready.isBefore(t)) {
            ready = t.plusMinutes(5);
        }
        events.add(event(ready, 9, null));
        LocalDateTime returned = ready.plusHours(1 + random.nextInt(48));
        events.add(event(returned, 10, "\"NoiDung\":\"Đã trả kết quả\""));
        return header(code, procedure, agency, channel, submitted, received, finalDue, ready, returned, 10, events);
    }

    private String header(String code, String procedure, String agency, int channel, LocalDateTime submitted, LocalDateTime received,
                          LocalDateTime due, LocalDateTime ended, LocalDateTime returned, int status, List<String> events) {
        var b = new StringBuilder(1400);
        b.append("{\"MaHoSo\":\"").append(code).append("\",\"MaTTHC\":\"").append(procedure).append("\",\"MaDonViTiepNhan\":\"")
                .append(agency).append("\",\"MaDonViXuLy\":\"").append(agency).append("\",\"KenhThucHien\":").append(channel)
                .append(",\"LoaiDoiTuong\":1,\"ChuHoSo\":\"Nguyễn Văn ").append((char) ('A' + random.nextInt(26)))
                .append("\",\"SoDinhDanh\":\"0680900").append(100000 + random.nextInt(900000)).append("\",\"SoDienThoai\":\"09")
                .append(10000000 + random.nextInt(90000000)).append('"');
        field(b, "NgayNopHoSo", submitted);
        field(b, "NgayTiepNhan", received);
        field(b, "NgayHenTra", due);
        field(b, "NgayKetThucXuLy", ended);
        field(b, "NgayTra", returned);
        b.append(",\"TrangThaiHoSo\":").append(status).append(",\"QuaTrinhXuLy\":[").append(String.join(",", events)).append("]}");
        return b.toString();
    }

    private static void field(StringBuilder b, String name, LocalDateTime t) {
        if (t != null) {
            b.append(",\"").append(name).append("\":\"").append(T.format(t)).append('"');
        }
    }

    private static String event(LocalDateTime at, int status, String more) {
        return "{\"ThoiDiem\":\"" + T.format(at) + "\",\"TrangThaiHoSo\":" + status + (more == null ? "" : "," + more) + "}";
    }

    private static LocalDateTime officeHours(LocalDateTime t) {
        LocalDateTime d = t;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d.withHour(7 + (int) (Math.abs(t.toLocalTime().toSecondOfDay()) % 9)).withMinute(t.getMinute()).withSecond(0);
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
