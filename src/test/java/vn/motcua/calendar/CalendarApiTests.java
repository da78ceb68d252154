package vn.motcua.calendar;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import vn.motcua.IntegrationTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarApiTests extends IntegrationTest {

    static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    Map<String, Object> get(String uri) {
        var response = anonymous().get().uri(uri).retrieve().toEntity(OBJECT);
        return response.getBody();
    }

    @Test
    void listsDaysWithKindAndNameIncludingTheLastDay() {
        var days = anonymous().get().uri("/api/v1/calendar/days?from=2026-08-21&to=2026-09-03").retrieve().toEntity(LIST).getBody();
        assertThat(days).hasSize(14);
        assertThat(days.getFirst()).containsOnlyKeys("date", "working", "kind", "name")
                .containsEntry("date", "2026-08-21").containsEntry("working", true).containsEntry("kind", "WEEKDAY");
        assertThat(days.get(1)).containsEntry("date", "2026-08-22").containsEntry("working", true).containsEntry("kind", "MAKEUP_WORKDAY");
        assertThat(days.get(2)).containsEntry("kind", "WEEKEND").containsEntry("working", false).containsEntry("name", null);
        assertThat(days.get(10)).containsEntry("date", "2026-08-31").containsEntry("kind", "SWAPPED_OFF");
        assertThat(days.get(12)).containsEntry("date", "2026-09-02").containsEntry("kind", "HOLIDAY")
                .containsEntry("name", "Quốc khánh");
        assertThat(days.getLast()).containsEntry("date", "2026-09-03").containsEntry("working", true);
    }

    @Test
    void addsAndCountsWorkingDays() {
        assertThat(get("/api/v1/calendar/working-days/add?date=2026-02-13&days=1")).isEqualTo(Map.of("date", "2026-02-23"));
        assertThat(get("/api/v1/calendar/working-days/add?date=2026-02-14&days=0")).isEqualTo(Map.of("date", "2026-02-23"));
        assertThat(get("/api/v1/calendar/working-days/count?from=2026-02-13&to=2026-02-24")).isEqualTo(Map.of("workingDays", 2));
    }

    @Test
    void computesDueTimesWithTheStartNormalised() {
        assertThat(get("/api/v1/calendar/due?start=2026-02-27T16:00&amount=2&unit=WORKING_HOUR"))
                .isEqualTo(Map.of("start", "2026-02-27T16:00", "due", "2026-03-02T08:30"));
        assertThat(get("/api/v1/calendar/due?start=2026-02-28T10:00&amount=0&unit=SAME_DAY"))
                .isEqualTo(Map.of("start", "2026-03-02T07:30", "due", "2026-03-02T17:00"));
        assertThat(get("/api/v1/calendar/due?start=2026-02-13T09:00&amount=1&unit=WORKING_DAY&agency=H36.201.01"))
                .isEqualTo(Map.of("start", "2026-02-13T09:00", "due", "2026-02-23T09:00"));
    }

    @Test
    void convertsBetweenSolarAndLunarDates() {
        assertThat(get("/api/v1/calendar/lunar?date=2026-02-17"))
                .isEqualTo(Map.of("year", 2026, "month", 1, "day", 1, "leapMonth", false, "yearName", "Bính Ngọ"));
        assertThat(get("/api/v1/calendar/lunar?date=2023-03-22")).containsEntry("month", 2).containsEntry("leapMonth", true);
        assertThat(get("/api/v1/calendar/solar?year=2027&month=1&day=1&leapMonth=false")).isEqualTo(Map.of("date", "2027-02-06"));
        assertThat(get("/api/v1/calendar/solar?year=2023&month=2&day=1&leapMonth=true")).isEqualTo(Map.of("date", "2023-03-22"));
        var missing = anonymous().get().uri("/api/v1/calendar/solar?year=2026&month=5&day=1&leapMonth=true").retrieve().toEntity(OBJECT);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody()).containsEntry("code", "calendar.no-such-lunar-day");
    }

    @Test
    void badParametersAreProblemDetails() {
        for (String uri : List.of("/api/v1/calendar/working-days/add?date=2026-02-30&days=1",
                "/api/v1/calendar/working-days/add?date=2026-02-13&days=-1",
                "/api/v1/calendar/due?start=2026-02-13T09:00&amount=1&unit=WEEKS",
                "/api/v1/calendar/due?start=2026-02-13T09:00&amount=1&unit=WORKING_DAY&agency=H99.99",
                "/api/v1/calendar/days?from=2026-03-01&to=2026-02-01",
                "/api/v1/calendar/working-days/add?date=2100-12-30&days=10",
                "/api/v1/calendar/lunar?date=1899-05-01",
                "/api/v1/calendar/solar?year=2200&month=1&day=1")) {
            var response = anonymous().get().uri(uri).retrieve().toEntity(OBJECT);
            assertThat(response.getStatusCode()).as(uri).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getHeaders().getContentType()).as(uri).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody()).as(uri).containsKey("code");
        }
    }

    @Test
    void replacesAYearsAnnouncementAtomicallyAndReturnsItAsCsv() {
        String csv = """
                date,kind,name
                2031-01-01,HOLIDAY,Tết Dương lịch
                2031-01-22,HOLIDAY,Tết Tân Hợi
                2031-01-20,SWAPPED_OFF,"Nghỉ hoán đổi, làm bù 25/1"
                2031-01-25,MAKEUP_WORKDAY,Làm bù cho ngày 20/1
                """;
        var put = as("admin").put().uri("/api/v1/calendar/announcements/2031").contentType(CSV).body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).retrieve().toEntity(LIST);
        assertThat(put.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(put.getBody()).hasSize(4);

        assertThat(get("/api/v1/calendar/working-days/add?date=2031-01-17&days=1")).as("Fri 17/1 + 1 skips the swapped Monday")
                .isEqualTo(Map.of("date", "2031-01-21"));
        assertThat(get("/api/v1/calendar/working-days/add?date=2031-01-24&days=1")).as("the make-up Saturday")
                .isEqualTo(Map.of("date", "2031-01-25"));

        var back = anonymous().get().uri("/api/v1/calendar/announcements/2031").retrieve().toEntity(String.class);
        assertThat(back.getHeaders().getContentType().isCompatibleWith(CSV)).isTrue();
        assertThat(back.getBody()).isEqualTo("""
                date,kind,name
                2031-01-01,HOLIDAY,Tết Dương lịch
                2031-01-20,SWAPPED_OFF,"Nghỉ hoán đổi, làm bù 25/1"
                2031-01-22,HOLIDAY,Tết Tân Hợi
                2031-01-25,MAKEUP_WORKDAY,Làm bù cho ngày 20/1
                """);
    }

    @Test
    void aBadLineRejectsTheWholeAnnouncementAndListsEveryBadLine() {
        String good = "date,kind,name\n2032-01-01,HOLIDAY,Tết Dương lịch\n";
        assertThat(as("admin").put().uri("/api/v1/calendar/announcements/2032").contentType(CSV).body(good.getBytes(java.nio.charset.StandardCharsets.UTF_8)).retrieve()
                .toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.OK);
        String bad = """
                date,kind,name
                2032-01-02,HOLIDAY,Nghỉ thêm
                2032-02-30,HOLIDAY,Ngày không có
                2032-03-01,WEEKEND,Loại sai
                2032-03-03,MAKEUP_WORKDAY,Làm bù ngày thứ Tư
                2031-12-31,HOLIDAY,Năm khác
                2032-01-02,HOLIDAY,Trùng ngày
                2032-03-06,SWAPPED_OFF,Nghỉ ngày thứ Bảy
                2032-03-08,HOLIDAY,
                """;
        var response = as("admin").put().uri("/api/v1/calendar/announcements/2032").contentType(CSV).body(bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)).retrieve().toEntity(OBJECT);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).containsEntry("code", "calendar.invalid-announcement");
        @SuppressWarnings("unchecked")
        var lines = ((List<Map<String, String>>) response.getBody().get("invalidParams")).stream().map(p -> p.get("name")).toList();
        assertThat(lines).containsExactly("line 3", "line 4", "line 5", "line 6", "line 7", "line 8", "line 9");
        assertThat(anonymous().get().uri("/api/v1/calendar/announcements/2032").retrieve().toEntity(String.class).getBody())
                .as("nothing applied").isEqualTo(good);
        assertThat(anonymous().get().uri("/api/v1/calendar/days?from=2032-01-02&to=2032-01-02").retrieve().toEntity(LIST).getBody())
                .singleElement().satisfies(day -> assertThat(day).containsEntry("kind", "WEEKDAY").containsEntry("working", true));
    }

    @Test
    void onlyAnAdministratorChangesTheCalendar() {
        var anonymousPut = anonymous().put().uri("/api/v1/calendar/announcements/2033").contentType(CSV).body("date,kind,name\n")
                .retrieve().toBodilessEntity();
        assertThat(anonymousPut.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        var deskPut = as("tn.ttpvhcc").put().uri("/api/v1/calendar/announcements/2033").contentType(CSV).body("date,kind,name\n")
                .retrieve().toBodilessEntity();
        assertThat(deskPut.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(anonymous().get().uri("/api/v1/calendar/announcements/2033").retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anAgencysOwnOfficeHoursApplyFromTheirDate() {
        var hours = Map.of("agencyElectronicId", "H36.204.01", "validFrom", "2027-03-01", "morningStart", "08:00", "morningEnd", "12:00",
                "afternoonStart", "13:00", "afternoonEnd", "17:00", "cutoff", "15:30", "rounding", "END_OF_DAY");
        var created = as("admin").post().uri("/api/v1/calendar/office-hours").body(hours).retrieve().toEntity(OBJECT);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(get("/api/v1/calendar/due?start=2027-03-02T07:40&amount=1&unit=WORKING_DAY&agency=H36.204.01"))
                .isEqualTo(Map.of("start", "2027-03-02T08:00", "due", "2027-03-03T17:00"));
        assertThat(get("/api/v1/calendar/due?start=2027-03-02T07:40&amount=1&unit=WORKING_DAY&agency=H36.203.01"))
                .as("other agencies keep the default hours").isEqualTo(Map.of("start", "2027-03-02T07:40", "due", "2027-03-03T07:40"));
        assertThat(get("/api/v1/calendar/due?start=2027-02-26T07:40&amount=0&unit=WORKING_HOUR&agency=H36.204.01"))
                .as("not yet in force").containsEntry("start", "2027-02-26T07:40");
    }

    @Test
    void officeHoursThatDoNotMakeSenseAreRefused() {
        var backwards = Map.of("validFrom", "2027-03-01", "morningStart", "12:00", "morningEnd", "08:00",
                "afternoonStart", "13:00", "afternoonEnd", "17:00", "cutoff", "15:00", "rounding", "EXACT_HOURS");
        var response = as("admin").post().uri("/api/v1/calendar/office-hours").body(backwards).retrieve().toEntity(OBJECT);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("detail").toString()).contains("morning start < morning end");
        var unknown = new java.util.HashMap<String, Object>(backwards);
        unknown.putAll(Map.of("agencyElectronicId", "H36.777", "morningStart", "07:00", "morningEnd", "11:00"));
        assertThat(as("admin").post().uri("/api/v1/calendar/office-hours").body(unknown).retrieve().toEntity(OBJECT).getBody())
                .containsEntry("code", "calendar.unknown-agency");
    }
}
