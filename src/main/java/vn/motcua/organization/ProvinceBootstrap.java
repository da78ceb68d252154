package vn.motcua.organization;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;

/**
 * Makes an empty production database usable: the province's People's Committee exists as the root agency,
 * and when {@code motcua.bootstrap-admin.username} and {@code .password} are given and nobody administers
 * the province yet, that account is created as ADMIN there. Nothing happens on later starts.
 */
@Component
@Order(-10)
class ProvinceBootstrap implements ApplicationRunner {

    /** The day the two-level local government took effect (Law on Local Government 72/2025/QH15). */
    static final LocalDate TWO_LEVEL_GOVERNMENT = LocalDate.of(2025, 7, 1);
    private static final Logger log = LoggerFactory.getLogger(ProvinceBootstrap.class);

    private final AgencyDirectory agencies;
    private final StaffDirectory staff;
    private final Province province;
    private final String adminUsername;
    private final String adminPassword;

    ProvinceBootstrap(AgencyDirectory agencies, StaffDirectory staff, Province province,
                      @Value("${motcua.bootstrap-admin.username:}") String adminUsername,
                      @Value("${motcua.bootstrap-admin.password:}") String adminPassword) {
        this.agencies = agencies;
        this.staff = staff;
        this.province = province;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var root = agencies.findByElectronicId(province.electronicId()).orElseGet(() -> {
            log.info("Tạo cơ quan gốc: Ủy ban nhân dân tỉnh {} ({})", province.name(), province.electronicId());
            return agencies.create(new AgencyDraft(province.electronicId(), "Ủy ban nhân dân tỉnh " + province.name(),
                    AgencyType.PROVINCIAL_PEOPLES_COMMITTEE, null, TWO_LEVEL_GOVERNMENT, null));
        });
        if (adminUsername.isBlank() || adminPassword.isBlank() || staff.byUsername(adminUsername).isPresent()) {
            return;
        }
        var admin = staff.create(new StaffDraft(adminUsername, "Quản trị hệ thống", null, null, "Quản trị hệ thống", adminPassword));
        staff.assign(admin.id(), Role.ADMIN, root.id(), null);
        log.warn("Tạo tài khoản quản trị đầu tiên '{}' tại {}. Đổi mật khẩu sau khi đăng nhập.", adminUsername, root.name());
    }
}
