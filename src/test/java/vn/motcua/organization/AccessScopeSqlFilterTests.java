package vn.motcua.organization;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.IntegrationTest;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A scope turned into SQL selects exactly the rows the scope covers in memory: the work queues of the dossier
 * module will filter with it. Rows here are work items of the demo province (agency, and unit where it has one).
 */
class AccessScopeSqlFilterTests extends IntegrationTest {

    @Autowired
    StaffDirectory staff;
    @Autowired
    AgencyDirectory agencies;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aUnitRoleSeesItsUnitsWorkAndAnAgencyRoleTheWholeAgencyAndItsBranches() {
        var justice = agencies.findByElectronicId("H36.10").orElseThrow().id();
        var centre = agencies.findByElectronicId("H36.50").orElseThrow().id();
        var branch = agencies.findByElectronicId("H36.50.01").orElseThrow().id();
        var commune = agencies.findByElectronicId("H36.201").orElseThrow().id();
        var units = agencies.units(justice);
        var specialistUnit = staff.byUsername("cv.stp").orElseThrow().roles().getFirst().unitId();
        var otherUnit = units.stream().map(UnitView::id).filter(u -> !u.equals(specialistUnit)).findFirst().orElseThrow();

        var rows = List.of(new Row("justice, specialist's unit", justice, specialistUnit), new Row("justice, clerk's unit", justice, otherUnit),
                new Row("justice, no unit", justice, null), new Row("centre", centre, null), new Row("branch", branch, null),
                new Row("commune", commune, null));

        assertThat(visible("cv.stp", rows)).containsExactly("justice, specialist's unit");
        assertThat(visible("gd.stp", rows)).containsExactly("justice, specialist's unit", "justice, clerk's unit", "justice, no unit");
        assertThat(visible("gd.ttpvhcc", rows)).containsExactly("centre", "branch");
        assertThat(visible("admin", rows)).hasSize(rows.size());
        assertThat(visible("nobody-at-all", rows)).isEmpty();
    }

    @Test
    void aByAgencyFilterCoversEveryAgencyInScopeAsCoversDoes() {
        var scope = staff.scopeOf("cv.stp");
        var justice = agencies.findByElectronicId("H36.10").orElseThrow().id();
        var filter = scope.sqlFilter("id");
        var count = filter.bind(jdbc.sql("select count(*) from organization.agency where " + filter.predicate())).query(Integer.class).single();
        assertThat(scope.covers(justice)).isTrue();
        assertThat(count).isEqualTo(1);
    }

    @Test
    void refusesAnythingButAColumnName() {
        assertThatThrownBy(() -> staff.scopeOf("cv.stp").sqlFilter("agency_id) or (true")).isInstanceOf(IllegalArgumentException.class);
    }

    record Row(String name, UUID agency, UUID unit) {
    }

    private List<String> visible(String username, List<Row> rows) {
        var filter = staff.scopeOf(username).sqlFilter("w.agency_id", "w.unit_id");
        return transactions.execute(status -> {
            jdbc.sql("create temporary table work (position int, name text, agency_id uuid, unit_id uuid) on commit drop").update();
            for (int i = 0; i < rows.size(); i++) {
                jdbc.sql("insert into work values (:position, :name, :agency, :unit)").param("position", i).param("name", rows.get(i).name())
                        .param("agency", rows.get(i).agency()).param("unit", rows.get(i).unit(), java.sql.Types.OTHER).update();
            }
            return filter.bind(jdbc.sql("select name from work w where " + filter.predicate() + " order by position"))
                    .query(String.class).list();
        });
    }
}
