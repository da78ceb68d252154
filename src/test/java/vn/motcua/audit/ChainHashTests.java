package vn.motcua.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ChainHashTests {

    static final Instant AT = Instant.parse("2026-11-23T01:30:00Z");

    @Test
    void everyFieldAndThePreviousHashChangeTheHash() {
        String base = ChainHash.of(ChainHash.GENESIS, 1, AT, "admin", "AGENCY_CREATED", "agency:H36", "Thêm cơ quan");
        assertThat(base).hasSize(64).isNotEqualTo(ChainHash.GENESIS);
        assertThat(ChainHash.of("1".repeat(64), 1, AT, "admin", "AGENCY_CREATED", "agency:H36", "Thêm cơ quan")).isNotEqualTo(base);
        assertThat(ChainHash.of(ChainHash.GENESIS, 2, AT, "admin", "AGENCY_CREATED", "agency:H36", "Thêm cơ quan")).isNotEqualTo(base);
        assertThat(ChainHash.of(ChainHash.GENESIS, 1, AT.plusNanos(1000), "admin", "AGENCY_CREATED", "agency:H36", "Thêm cơ quan")).isNotEqualTo(base);
        assertThat(ChainHash.of(ChainHash.GENESIS, 1, AT, "admim", "AGENCY_CREATED", "agency:H36", "Thêm cơ quan")).isNotEqualTo(base);
        assertThat(ChainHash.of(ChainHash.GENESIS, 1, AT, "admin", "AGENCY_UPDATED", "agency:H36", "Thêm cơ quan")).isNotEqualTo(base);
        assertThat(ChainHash.of(ChainHash.GENESIS, 1, AT, "admin", "AGENCY_CREATED", "agency:H37", "Thêm cơ quan")).isNotEqualTo(base);
        assertThat(ChainHash.of(ChainHash.GENESIS, 1, AT, "admin", "AGENCY_CREATED", "agency:H36", "Thêm cơ quan.")).isNotEqualTo(base);
        assertThat(ChainHash.of(ChainHash.GENESIS, 1, AT, "admin", "AGENCY_CREATED", "agency:H36", "Thêm cơ quan")).isEqualTo(base);
    }

    @Test
    void fieldsCannotBeShiftedAcrossTheirBoundaries() {
        assertThat(ChainHash.of(ChainHash.GENESIS, 1, AT, "ab", "c", "t", "s"))
                .isNotEqualTo(ChainHash.of(ChainHash.GENESIS, 1, AT, "a", "bc", "t", "s"));
    }
}
