package vn.motcua.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.IntegrationTest;
import vn.motcua.platform.DomainProblem;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Versions in force across publishing decisions (Decree 63/2010; rules digest §9). Codes 9.9xxxxx are made up for these tests. */
class DecisionsAndVersionsTests extends IntegrationTest {

    @Autowired
    PublishingDecisions decisions;
    @Autowired
    ProcedureCatalog catalog;

    static ProcedureRecord procedure(String code, String name, int days) {
        return new ProcedureRecord(code, null, name, "Hộ tịch", List.of(ProcedureLevel.COMMUNE), "", "Công dân Việt Nam", "UBND cấp xã",
                "UBND cấp xã", "", "", "Bước 1: nộp hồ sơ", List.of(new Channel("DIRECT", days, vn.motcua.calendar.DurationUnit.WORKING_DAY, days + " Ngày làm việc",
                List.of(new Channel.Fee(0, "Miễn phí")), "")), OnlineLevel.PARTIAL, true, List.of(), List.of("Giấy chứng nhận"),
                List.of(new LegalBasis("Luật Hộ tịch", "60/2014/QH13", null, null, null)), "", null);
    }

    @Test
    void answersWhichVersionWasInForceOnAnyDay() {
        String code = "9.900001";
        var announce = decisions.draft("101/QĐ-UBND", LocalDate.of(2025, 6, 20), "Chủ tịch UBND tỉnh Lâm Đồng", LocalDate.of(2025, 7, 1),
                List.of(new Decision.Item(code, Decision.Change.NEW, procedure(code, "Thủ tục thử nghiệm đăng ký", 5), null)));
        assertThat(announce.applied()).isFalse();
        assertThatThrownBy(() -> catalog.inForce(code, LocalDate.of(2025, 8, 1))).isInstanceOf(CatalogProblem.class);
        decisions.apply(announce.id());

        var amend = decisions.draft("202/QĐ-UBND", LocalDate.of(2026, 2, 20), "Chủ tịch UBND tỉnh Lâm Đồng", LocalDate.of(2026, 3, 1),
                List.of(new Decision.Item(code, Decision.Change.AMENDED, procedure(code, "Thủ tục thử nghiệm đăng ký", 3), null)));
        decisions.apply(amend.id());

        assertThatThrownBy(() -> catalog.inForce(code, LocalDate.of(2025, 6, 30))).isInstanceOf(CatalogProblem.class)
                .hasMessageContaining("không có phiên bản có hiệu lực");
        var first = catalog.inForce(code, LocalDate.of(2026, 2, 28));
        assertThat(first.versionNo()).isEqualTo(1);
        assertThat(first.record().channels().getFirst().timeAmount()).isEqualTo(5);
        assertThat(first.decisionNumber()).isEqualTo("101/QĐ-UBND");
        assertThat(first.validTo()).isEqualTo(LocalDate.of(2026, 2, 28));
        var second = catalog.inForce(code, LocalDate.of(2026, 3, 1));
        assertThat(second.versionNo()).isEqualTo(2);
        assertThat(second.record().channels().getFirst().timeAmount()).isEqualTo(3);
        assertThat(catalog.history(code)).extracting(ProcedureVersion::decisionNumber).containsExactly("101/QĐ-UBND", "202/QĐ-UBND");
    }

    @Test
    void replacingAndAbolishingCloseTheVersionTheDayBefore() {
        String old = "9.900002";
        String replacement = "9.900003";
        String abolished = "9.900004";
        decisions.apply(decisions.draft("11/QĐ-UBND", LocalDate.of(2025, 7, 1), "UBND tỉnh", LocalDate.of(2025, 7, 1), List.of(
                new Decision.Item(old, Decision.Change.NEW, procedure(old, "Thủ tục cũ", 10), null),
                new Decision.Item(abolished, Decision.Change.NEW, procedure(abolished, "Thủ tục sẽ bãi bỏ", 10), null))).id());
        decisions.apply(decisions.draft("12/QĐ-UBND", LocalDate.of(2026, 5, 1), "UBND tỉnh", LocalDate.of(2026, 5, 15), List.of(
                new Decision.Item(old, Decision.Change.REPLACED, null, replacement),
                new Decision.Item(replacement, Decision.Change.NEW, procedure(replacement, "Thủ tục thay thế", 7), null),
                new Decision.Item(abolished, Decision.Change.ABOLISHED, null, null))).id());

        assertThat(catalog.inForce(old, LocalDate.of(2026, 5, 14)).record().name()).isEqualTo("Thủ tục cũ");
        assertThatThrownBy(() -> catalog.inForce(old, LocalDate.of(2026, 5, 15))).isInstanceOf(CatalogProblem.class);
        assertThat(catalog.inForce(replacement, LocalDate.of(2026, 5, 15)).record().name()).isEqualTo("Thủ tục thay thế");
        assertThatThrownBy(() -> catalog.inForce(abolished, LocalDate.of(2026, 6, 1))).isInstanceOf(CatalogProblem.class);
        assertThat(catalog.history(abolished)).singleElement().satisfies(v -> assertThat(v.validTo()).isEqualTo(LocalDate.of(2026, 5, 14)));
    }

    @Test
    void aDecisionThatContradictsTheCatalogIsRefusedWhole() {
        String code = "9.900005";
        decisions.apply(decisions.draft("21/QĐ-UBND", LocalDate.of(2025, 7, 1), "UBND tỉnh", LocalDate.of(2025, 7, 1),
                List.of(new Decision.Item(code, Decision.Change.NEW, procedure(code, "Thủ tục đã có", 5), null))).id());
        assertThatThrownBy(() -> decisions.draft("22/QĐ-UBND", LocalDate.of(2026, 1, 1), "UBND tỉnh", LocalDate.of(2026, 1, 1), List.of(
                new Decision.Item("9.900006", Decision.Change.NEW, procedure("9.900006", "Thủ tục mới hợp lệ", 5), null),
                new Decision.Item(code, Decision.Change.NEW, procedure(code, "Công bố lại", 5), null),
                new Decision.Item("9.900007", Decision.Change.ABOLISHED, null, null),
                new Decision.Item("12345", Decision.Change.NEW, null, null))))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.invalidParams()).hasSize(3));
        assertThatThrownBy(() -> catalog.inForce("9.900006", LocalDate.of(2026, 2, 1))).as("nothing applied").isInstanceOf(CatalogProblem.class);
    }

    @Test
    void aDecisionIsAppliedOnlyOnce() {
        String code = "9.900008";
        var decision = decisions.draft("31/QĐ-UBND", LocalDate.of(2025, 7, 1), "UBND tỉnh", LocalDate.of(2025, 7, 1),
                List.of(new Decision.Item(code, Decision.Change.NEW, procedure(code, "Thủ tục áp dụng một lần", 5), null)));
        decisions.apply(decision.id());
        assertThatThrownBy(() -> decisions.apply(decision.id())).hasMessageContaining("đã được áp dụng");
        assertThat(catalog.history(code)).hasSize(1);
    }

    @Test
    void anAppliedDecisionIsSearchableAtOnce() {
        String code = "9.900009";
        decisions.apply(decisions.draft("41/QĐ-UBND", LocalDate.of(2025, 7, 1), "UBND tỉnh", LocalDate.of(2025, 7, 1),
                List.of(new Decision.Item(code, Decision.Change.NEW, procedure(code, "Cấp giấy phép nuôi chim yến thử nghiệm", 5), null))).id());
        assertThat(catalog.search(ProcedureSearch.text("nuoi chim yen", 3)).items()).extracting(ProcedureHit::code).contains(code);
        assertThat(catalog.search(ProcedureSearch.text("nuoi chim yen", 3)).items().getFirst().highlightedName())
                .isEqualTo("Cấp giấy phép <mark>nuôi chim yến</mark> thử nghiệm");
    }
}
