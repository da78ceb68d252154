package vn.motcua.platform.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.motcua.calendar.DayKind;
import vn.motcua.organization.AgencyType;

import static org.assertj.core.api.Assertions.assertThat;

/** Imports take the names officials write, in any case, with or without diacritics, as well as the codes. */
class VietnameseNamesTests {

    // agency kinds of the two-level local government (Decree 118/2025 Art. 7-8; Law on Organisation of Local Government 2025)
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            UBND xã                                   | COMMUNE_PEOPLES_COMMITTEE
            Ủy ban nhân dân xã                        | COMMUNE_PEOPLES_COMMITTEE
            Uỷ ban nhân dân phường                    | COMMUNE_PEOPLES_COMMITTEE
            uy ban nhan dan dac khu                   | COMMUNE_PEOPLES_COMMITTEE
            COMMUNE_PEOPLES_COMMITTEE                 | COMMUNE_PEOPLES_COMMITTEE
            commune_peoples_committee                 | COMMUNE_PEOPLES_COMMITTEE
            Sở, ban, ngành                            | PROVINCIAL_DEPARTMENT
            so ban nganh                              | PROVINCIAL_DEPARTMENT
            UBND tỉnh                                 | PROVINCIAL_PEOPLES_COMMITTEE
            Trung tâm Phục vụ hành chính công tỉnh    | PROVINCIAL_SERVICE_CENTRE
            TRUNG TÂM PVHCC PHƯỜNG                    | COMMUNE_SERVICE_CENTRE
            Trung tâm Phục vụ hành chính công xã      | COMMUNE_SERVICE_CENTRE
            Chi nhánh Trung tâm PVHCC                 | SERVICE_CENTRE_BRANCH
            Cơ quan ngành dọc                         | VERTICAL_SECTOR_AGENCY
            """)
    void agencyTypesAreReadFromTheirVietnameseNames(String written, AgencyType expected) {
        assertThat(AgencyType.fromWritten(written)).contains(expected);
    }

    // kinds of day in a year's announcement (Labor Code 2019 Art. 111-112; the yearly announcement of days off)
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Nghỉ hoán đổi       | SWAPPED_OFF
            nghi hoan doi       | SWAPPED_OFF
            NGHỈ HOÁN ĐỔI       | SWAPPED_OFF
            Nghỉ bù             | COMPENSATORY
            Làm bù              | MAKEUP_WORKDAY
            Ngày làm bù         | MAKEUP_WORKDAY
            Nghỉ lễ, Tết        | HOLIDAY
            nghi le tet         | HOLIDAY
            Nghỉ Tết            | HOLIDAY
            SWAPPED_OFF         | SWAPPED_OFF
            """)
    void dayKindsAreReadFromTheirVietnameseNames(String written, DayKind expected) {
        assertThat(DayKind.fromWritten(written)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UBND huyện", "Xã", "", "Nghỉ phép"})
    void namesNoKindHasAreNotGuessed(String written) {
        assertThat(AgencyType.fromWritten(written)).isEmpty();
        assertThat(DayKind.fromWritten(written)).isEmpty();
    }
}
