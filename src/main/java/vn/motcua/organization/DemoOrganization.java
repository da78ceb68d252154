package vn.motcua.organization;

import org.apache.commons.csv.CSVFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.UUID;

/**
 * Demo data for trying the system: Lâm Đồng's People's Committee, service centre and branches, five
 * departments and five real post-merger communes with their centres ({@code demo/agencies.csv}, loaded
 * through the same CSV import administrators use), and one account per role ({@code demo/staff.csv}).
 * Runs only with {@code motcua.demo-data.enabled=true} (the default with the embedded database); the demo
 * password is set only here.
 */
@Component
@Order(0)
@ConditionalOnBooleanProperty("motcua.demo-data.enabled")
class DemoOrganization implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganization.class);

    private final AgencyDirectory agencies;
    private final StaffDirectory staff;
    private final String demoPassword;

    DemoOrganization(AgencyDirectory agencies, StaffDirectory staff, @Value("${motcua.demo-data.password:motcua@2026}") String demoPassword) {
        this.agencies = agencies;
        this.staff = staff;
        this.demoPassword = demoPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (staff.account("admin") != null) {
            return;
        }
        try (var csv = new InputStreamReader(new ClassPathResource("demo/agencies.csv").getInputStream(), StandardCharsets.UTF_8)) {
            var report = agencies.importCsv(csv);
            if (!report.applied()) {
                throw new IllegalStateException("Demo agencies rejected: " + report.rejected());
            }
        }
        var units = new HashMap<String, UUID>();
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (var csv = new InputStreamReader(new ClassPathResource("demo/staff.csv").getInputStream(), StandardCharsets.UTF_8);
             var rows = format.parse(csv)) {
            for (var row : rows) {
                var agency = agencies.findByElectronicId(row.get("agencyElectronicId")).orElseThrow();
                UUID unitId = null;
                if (!row.get("unit").isBlank()) {
                    unitId = units.computeIfAbsent(agency.electronicId() + "/" + row.get("unit"),
                            k -> agencies.createUnit(agency.id(), row.get("unit")).id());
                }
                var account = staff.create(new StaffDraft(row.get("username"), row.get("fullName"),
                        row.get("username") + "@lamdong.gov.vn", null, row.get("position"), demoPassword));
                staff.assign(account.id(), Role.valueOf(row.get("role")), agency.id(), unitId);
            }
        }
        log.warn("Dữ liệu mẫu (demo data) loaded: agencies of tỉnh {} and one account per role; demo password in README.", "Lâm Đồng");
    }
}
