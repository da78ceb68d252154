package vn.motcua.dossier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class DossierStateTests {

    /** vn-rules §2.4.1: the national portal's status codes (TrangThaiHoSo). */
    @ParameterizedTest
    @CsvSource({
            "SUBMITTED, 1", "RECEIVED, 2", "REFUSED_AT_INTAKE, 3", "IN_PROCESSING, 4", "AWAITING_INTAKE_SUPPLEMENT, 5",
            "AWAITING_SUPPLEMENT, 5", "AWAITING_PAYMENT, 6", "WITHDRAWAL_REQUESTED, 7", "STOPPED, 8", "RESULT_READY, 9",
            "RETURNED, 10"})
    void reportsTheNationalStatusCode(DossierState state, int code) {
        assertThat(state.nationalCode()).isEqualTo(code);
    }

    /** vn-rules §2.4.2: the moves the lifecycle allows, and some it refuses. */
    @ParameterizedTest
    @CsvSource({
            "SUBMITTED, RECEIVED, true", "SUBMITTED, REFUSED_AT_INTAKE, true", "SUBMITTED, AWAITING_INTAKE_SUPPLEMENT, true",
            "AWAITING_INTAKE_SUPPLEMENT, SUBMITTED, true", "RECEIVED, IN_PROCESSING, true",
            "IN_PROCESSING, AWAITING_SUPPLEMENT, true", "AWAITING_SUPPLEMENT, IN_PROCESSING, true",
            "IN_PROCESSING, AWAITING_PAYMENT, true", "IN_PROCESSING, WITHDRAWAL_REQUESTED, true",
            "WITHDRAWAL_REQUESTED, STOPPED, true", "IN_PROCESSING, RESULT_READY, true", "RESULT_READY, RETURNED, true",
            "SUBMITTED, RETURNED, false", "RECEIVED, RETURNED, false", "RECEIVED, RESULT_READY, false",
            "REFUSED_AT_INTAKE, RECEIVED, false", "RETURNED, IN_PROCESSING, false", "STOPPED, IN_PROCESSING, false",
            "RESULT_READY, IN_PROCESSING, false", "AWAITING_SUPPLEMENT, RESULT_READY, false"})
    void allowsOnlyTheMovesOfTheLifecycle(DossierState from, DossierState to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void onlyRefusalStopAndReturnAreFinal() {
        assertThat(Arrays.stream(DossierState.values()).filter(DossierState::isFinal))
                .containsExactlyInAnyOrder(DossierState.REFUSED_AT_INTAKE, DossierState.STOPPED, DossierState.RETURNED);
    }

    @Test
    void theClockStopsWhileWaitingForTheApplicant() {
        assertThat(DossierState.IN_PROCESSING.clockRuns()).isTrue();
        assertThat(DossierState.AWAITING_SUPPLEMENT.clockRuns()).isFalse();
        assertThat(DossierState.AWAITING_PAYMENT.clockRuns()).isFalse();
        assertThat(DossierState.SUBMITTED.clockRuns()).isFalse();
    }

    @Test
    void channelsCarryTheNationalChannelCode() {
        assertThat(Channel.DIRECT.nationalCode()).isEqualTo(1);
        assertThat(Channel.ONLINE.nationalCode()).isEqualTo(2);
        assertThat(Channel.POSTAL.nationalCode()).isEqualTo(3);
    }
}
