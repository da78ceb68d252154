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
            "AWAITING_SUPPLEMENT, 5", "AWAITING_PAYMENT, 6", "PAUSED, 4", "WITHDRAWAL_REQUESTED, 7", "STOPPED, 8",
            "RESULT_READY, 9", "RETURNED, 10"})
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
            "RESULT_READY, IN_PROCESSING, false", "AWAITING_SUPPLEMENT, RESULT_READY, false",
            "IN_PROCESSING, STOPPED, false", "RECEIVED, STOPPED, false"})
    void allowsOnlyTheMovesOfTheLifecycle(DossierState from, DossierState to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    /**
     * The whole table: for every state, the states it may move to (vn-rules §2.4.2); every other pair is refused. A
     * step handed on inside processing is IN_PROCESSING -> IN_PROCESSING; a withdrawal taken back returns where it stood.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "SUBMITTED | RECEIVED REFUSED_AT_INTAKE AWAITING_INTAKE_SUPPLEMENT WITHDRAWAL_REQUESTED",
            "AWAITING_INTAKE_SUPPLEMENT | SUBMITTED RECEIVED REFUSED_AT_INTAKE STOPPED",
            "RECEIVED | IN_PROCESSING WITHDRAWAL_REQUESTED",
            "REFUSED_AT_INTAKE | ",
            "IN_PROCESSING | IN_PROCESSING AWAITING_SUPPLEMENT AWAITING_PAYMENT PAUSED WITHDRAWAL_REQUESTED RESULT_READY",
            "AWAITING_SUPPLEMENT | IN_PROCESSING WITHDRAWAL_REQUESTED",
            "AWAITING_PAYMENT | IN_PROCESSING WITHDRAWAL_REQUESTED",
            "PAUSED | IN_PROCESSING WITHDRAWAL_REQUESTED",
            "WITHDRAWAL_REQUESTED | STOPPED SUBMITTED RECEIVED IN_PROCESSING AWAITING_SUPPLEMENT AWAITING_PAYMENT PAUSED",
            "STOPPED | ",
            "RESULT_READY | RETURNED",
            "RETURNED | "})
    void everyMoveIsAllowedOrRefusedAsTheTableSays(DossierState from, String allowed) {
        var expected = allowed == null || allowed.isBlank() ? java.util.Set.<DossierState>of()
                : Arrays.stream(allowed.trim().split("\\s+")).map(DossierState::valueOf).collect(java.util.stream.Collectors.toSet());
        for (DossierState to : DossierState.values()) {
            assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(expected.contains(to));
        }
    }

    @Test
    void theTableNamesEveryState() {
        // the parameterized table above has one row per state: adding a state must add its row
        assertThat(DossierState.values()).hasSize(12);
    }

    /** Which actions a state allows at all (who may take them is decided on the dossier). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SUBMITTED | ACCEPT REQUEST_SUPPLEMENT REFUSE REQUEST_STOP",
            "AWAITING_INTAKE_SUPPLEMENT | SUPPLEMENT_RECEIVED STOP",
            "RECEIVED | ASSIGN COMPLETE_STEP TRANSFER REQUEST_STOP",
            "REFUSED_AT_INTAKE | ",
            "IN_PROCESSING | REQUEST_SUPPLEMENT REFUSE ASSIGN COMPLETE_STEP RETURN_STEP PROPOSE_REFUSAL CONSULT CONSULTATION_ANSWERED TRANSFER REQUEST_PAYMENT PAUSE APOLOGIZE_AND_EXTEND APPROVE ISSUE_RESULT REQUEST_STOP",
            "AWAITING_SUPPLEMENT | SUPPLEMENT_RECEIVED REQUEST_STOP",
            "AWAITING_PAYMENT | PAYMENT_RECEIVED REQUEST_STOP APOLOGIZE_AND_EXTEND",
            "PAUSED | RESUME REQUEST_STOP APOLOGIZE_AND_EXTEND CONSULTATION_ANSWERED",
            "WITHDRAWAL_REQUESTED | STOP RESUME",
            "STOPPED | ",
            "RESULT_READY | RETURN_RESULT",
            "RETURNED | "})
    void eachStateAllowsItsActions(DossierState state, String allowed) {
        var expected = allowed == null || allowed.isBlank() ? java.util.Set.<DossierAction>of()
                : Arrays.stream(allowed.trim().split("\\s+")).map(DossierAction::valueOf).collect(java.util.stream.Collectors.toSet());
        for (DossierAction action : DossierAction.values()) {
            assertThat(action.allowedIn(state)).as(state + ": " + action).isEqualTo(expected.contains(action));
        }
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
        assertThat(DossierState.PAUSED.clockRuns()).isFalse();
        // vn-rules §4.1: no general legal pause while waiting for a payment; the procedure's policy stops the clock
        assertThat(DossierState.AWAITING_PAYMENT.clockRuns()).isTrue();
        assertThat(DossierState.SUBMITTED.clockRuns()).isFalse();
    }

    @Test
    void channelsCarryTheNationalChannelCode() {
        assertThat(Channel.DIRECT.nationalCode()).isEqualTo(1);
        assertThat(Channel.ONLINE.nationalCode()).isEqualTo(2);
        assertThat(Channel.POSTAL.nationalCode()).isEqualTo(3);
    }
}
