package vn.motcua.audit.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.motcua.platform.TargetNames;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Records as the modules write them (codes, keys, ISO dates), shown in officials' words. */
class AuditWordingTests {

    static final Locale VI = Locale.forLanguageTag("vi");
    static final Map<String, String> KNOWN = Map.of("agency H36.10", "Sở Tư pháp", "staff cv.stp", "Đặng Quốc Huy",
            "agency-id 7d0c2a52-8a4e-4f59-9a55-0f0a4a5b7e11", "Trung tâm Phục vụ hành chính công tỉnh (H36.50)");

    final AuditWording wording = new AuditWording(messages(), List.<TargetNames>of((kind, key) -> Optional.ofNullable(KNOWN.get(kind + " " + key))));

    static ResourceBundleMessageSource messages() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DECISION_APPLIED               | Áp dụng quyết định công bố
            ROLE_ASSIGNED                  | Giao vai trò
            CALENDAR_ANNOUNCEMENT_REPLACED | Cập nhật lịch nghỉ, làm bù
            SOMETHING_NEW                  | SOMETHING_NEW
            """)
    void actionsHaveVietnameseLabels(String code, String shown) {
        assertThat(wording.action(code, VI)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            decision:01/QĐCB                                  | Quyết định công bố 01/QĐCB
            agency:H36.10                                     | Cơ quan Sở Tư pháp (H36.10)
            agency:H36.999                                    | Cơ quan H36.999
            staff:cv.stp                                      | Tài khoản Đặng Quốc Huy (cv.stp)
            calendar:2026                                     | Lịch làm việc năm 2026
            office-hours:default                              | Giờ làm việc: giờ chung của tỉnh
            office-hours:7d0c2a52-8a4e-4f59-9a55-0f0a4a5b7e11 | Giờ làm việc: Trung tâm Phục vụ hành chính công tỉnh (H36.50)
            procedure:1.013225                                | Thủ tục 1.013225
            """)
    void targetsAreNamed(String target, String shown) {
        assertThat(wording.target(target, VI)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Áp dụng quyết định 01/QĐCB hiệu lực 2026-03-01: {NEW=962, AMENDED=332}  | Áp dụng quyết định 01/QĐCB hiệu lực 01/03/2026: 962 công bố mới, 332 sửa đổi, bổ sung
            Áp dụng quyết định 5/QĐ hiệu lực 2026-12-01: {ABOLISHED=2}             | Áp dụng quyết định 5/QĐ hiệu lực 01/12/2026: 2 bãi bỏ
            Giao vai trò DESK_OFFICER tại H36.201.01                               | Giao vai trò Công chức tiếp nhận tại H36.201.01
            Thu hồi vai trò OVERSIGHT_VIEWER                                       | Thu hồi vai trò Theo dõi, giám sát
            Giờ làm việc từ 2026-01-01: 07:30-11:30, 13:30-17:00                  | Giờ làm việc từ 01/01/2026: 07:30-11:30, 13:30-17:00
            Thêm cơ quan Ủy ban nhân dân xã Di Linh                                | Thêm cơ quan Ủy ban nhân dân xã Di Linh
            """)
    void summariesAreWrittenOut(String summary, String shown) {
        assertThat(wording.summary(summary, VI)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"cv.stp,Đặng Quốc Huy (cv.stp)", "system,Hệ thống", "gone.user,gone.user"})
    void actorsAreNamed(String username, String shown) {
        assertThat(wording.actor(username, VI)).isEqualTo(shown);
    }
}
