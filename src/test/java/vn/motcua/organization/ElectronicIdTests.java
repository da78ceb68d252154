package vn.motcua.organization;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElectronicIdTests {

    // QĐ 20/2020/QĐ-TTg Art. 4: level-1 group MX1X2 (M = A..Y, two digits), then groups of 2-3 characters,
    // at most 35 characters. Examples from the rules digest §3.1-3.2: H56, H56.14, G01, A01.
    @ParameterizedTest
    @CsvSource({
            "H56, H56",
            "H56.14, H56",
            "G01, G01",
            "A01, A01",
            "H36.201.01, H36",
            "h36.10, H36",
            "' H36.50 ', H36",
            "Y99.AB.123, Y99"})
    void acceptsTheDecisionsFormat(String raw, String root) {
        var id = new ElectronicId(raw);
        assertThat(id.root()).isEqualTo(root);
        assertThat(id.value()).isEqualTo(raw.strip().toUpperCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",                 // empty
            "H3",               // level-1 needs two digits
            "Z01.12",           // Z is for other organisations (Art. 6), not state agencies
            "36.01",            // no letter
            "H36.1",            // a child group has 2-3 characters
            "H36.1234",         // ... not 4
            "H36..01",          // empty group
            "H36-01",           // groups are separated by dots
            "H36.01.",          // trailing dot
            "H36.101.102.103.04.05.06.07.08.09.10", // 36 characters: over the limit
    })
    void refusesAnythingElse(String raw) {
        assertThatThrownBy(() -> new ElectronicId(raw)).isInstanceOf(InvalidElectronicId.class)
                .hasMessageContaining("QĐ 20/2020");
    }

    @org.junit.jupiter.api.Test
    void sortsParentsBeforeChildrenAndGroupsByValue() {
        var ids = new java.util.ArrayList<>(java.util.List.of("H36.201", "H36.50.01", "H36", "H36.50", "H36.10", "H36.201.01", "H36.9"));
        ids.sort(ElectronicId.ORDER);
        assertThat(ids).containsExactly("H36", "H36.9", "H36.10", "H36.50", "H36.50.01", "H36.201", "H36.201.01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"H36.101.102.03.04.05.06.07.08.09.10"}) // exactly 35 characters
    void acceptsTheLongestAllowed(String raw) {
        assertThat(raw).hasSize(35);
        assertThat(new ElectronicId(raw).value()).isEqualTo(raw);
    }
}
