package vn.motcua.dossier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator's lines as the import reads them: with a cut (the demo's "now") nothing happens after it, and a dossier
 * caught by the cut is written as it stood then, its header agreeing with its last event.
 */
class HistoryLinesTests {

    private static final DateTimeFormatter T = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void withACutNothingHappensAfterItAndTheHeaderIsTheLastStatusReached() {
        LocalDateTime cut = LocalDateTime.of(2026, 12, 1, 10, 30);
        var lines = new HistoryLines(7, List.of(new HistoryLines.Lane("H36.50", "H36.10", List.of("1.001", "1.002"))), "T",
                cut.minusDays(120), 120, cut);
        Map<Integer, Integer> finals = new HashMap<>();
        int caught = 0;
        int oldOpen = 0;
        var byDay = new java.util.EnumMap<java.time.DayOfWeek, Integer>(java.time.DayOfWeek.class);
        for (int i = 0; i < 3000; i++) {
            JsonNode line = JSON.readTree(lines.line(i));
            assertThat(line.get("MaDonViTiepNhan").asString()).isEqualTo("H36.50");
            assertThat(line.get("MaDonViXuLy").asString()).isEqualTo("H36.10");
            var events = line.get("QuaTrinhXuLy");
            LocalDateTime last = null;
            for (JsonNode e : events) {
                LocalDateTime at = LocalDateTime.parse(e.get("ThoiDiem").asString(), T);
                assertThat(at).as(line.toString()).isBeforeOrEqualTo(cut);
                if (e.get("TrangThaiHoSo").asInt() != 1) { // staff at work; an online submission comes at any time
                    var time = at.toLocalTime();
                    assertThat(at.getDayOfWeek()).as(line.toString()).isNotIn(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY);
                    assertThat((!time.isBefore(java.time.LocalTime.of(7, 30)) && !time.isAfter(java.time.LocalTime.of(11, 30)))
                            || (!time.isBefore(java.time.LocalTime.of(13, 0)) && !time.isAfter(java.time.LocalTime.of(17, 0))))
                            .as("in office hours: " + at).isTrue();
                }
                assertThat(last == null || !at.isBefore(last)).as("in time order: " + line).isTrue();
                last = at;
            }
            int status = line.get("TrangThaiHoSo").asInt();
            assertThat(status).as(line.toString()).isEqualTo(events.get(events.size() - 1).get("TrangThaiHoSo").asInt());
            assertThat(line.has("NgayKetThucXuLy")).as("processing ended only when stopped, ready or returned: " + line)
                    .isEqualTo(status == 8 || status == 9 || status == 10);
            assertThat(line.has("NgayTra")).as(line.toString()).isEqualTo(status == 10);
            assertThat(line.has("NgayHenTra")).as("an appointment once received: " + line).isEqualTo(line.has("NgayTiepNhan"));
            finals.merge(status, 1, Integer::sum);
            if (line.has("NgayTiepNhan")) {
                byDay.merge(LocalDateTime.parse(line.get("NgayTiepNhan").asString(), T).getDayOfWeek(), 1, Integer::sum);
            }
            if (status != 10 && status != 3 && status != 8) {
                caught++;
                if (LocalDateTime.parse(line.get("NgayTiepNhan").asString(), T).isBefore(cut.minusDays(45))) {
                    oldOpen++;
                }
            }
        }
        // receipts spread over the five weekdays (none takes the weekend's share)
        assertThat(byDay.keySet()).containsOnly(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.TUESDAY, java.time.DayOfWeek.WEDNESDAY,
                java.time.DayOfWeek.THURSDAY, java.time.DayOfWeek.FRIDAY);
        assertThat(byDay.values()).allSatisfy(n -> assertThat(n).isBetween(3000 / 5 * 7 / 10, 3000 / 5 * 13 / 10));
        // the last weeks hold dossiers in every open state a live system has
        assertThat(finals).containsKeys(3, 4, 8, 10);
        assertThat(finals.keySet()).containsAnyOf(5, 9);
        assertThat(caught).as("open at the cut: the recent ones").isPositive();
        // ... and only the recent ones: nothing received more than two months before the cut is still open
        assertThat(oldOpen).as("open for months").isZero();
    }

    @Test
    void withoutACutEveryDossierRunsToItsEnd() {
        var lines = new HistoryLines(7, List.of("H36.10"), List.of("1.001"), "T", LocalDateTime.of(2024, 1, 1, 8, 0), 365);
        Map<Integer, Integer> finals = new HashMap<>();
        int early = 0;
        int onTheDay = 0;
        for (int i = 0; i < 2000; i++) {
            JsonNode line = JSON.readTree(lines.line(i));
            finals.merge(line.get("TrangThaiHoSo").asInt(), 1, Integer::sum);
            if (line.get("TrangThaiHoSo").asInt() == 10) {
                var ended = LocalDateTime.parse(line.get("NgayKetThucXuLy").asString(), T).toLocalDate();
                var due = LocalDateTime.parse(line.get("NgayHenTra").asString(), T).toLocalDate();
                early += ended.isBefore(due) ? 1 : 0;
                onTheDay += ended.equals(due) ? 1 : 0;
            }
        }
        // of the returned ones, a third to a half ready days early, as many on the appointment's day (the rest late)
        assertThat(early).isBetween(2000 * 30 / 100, 2000 * 50 / 100);
        assertThat(onTheDay).isBetween(2000 * 25 / 100, 2000 * 55 / 100);
        assertThat(finals.keySet()).containsOnly(3, 4, 8, 10); // refused, still open (6 in 100), stopped, returned
        assertThat(finals.get(4)).isBetween(2000 * 3 / 100, 2000 * 9 / 100);
    }
}
