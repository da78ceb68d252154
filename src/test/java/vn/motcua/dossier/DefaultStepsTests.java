package vn.motcua.dossier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.organization.Role;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default process for an agency by the roles its staff hold: a Department with every role keeps the five steps
 * and their shares of the legal time (per mille); a commune without ASSIGNER or UNIT_HEAD loses those steps and its
 * appraisal takes their shares; appraisal, signature and issue stay even where nobody holds them.
 */
class DefaultStepsTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            Department, every role;      ASSIGNER SPECIALIST UNIT_HEAD SIGNER CLERK; ASSIGNER:50 SPECIALIST:550 UNIT_HEAD:100 SIGNER:100 CLERK:100
            no assigner;                 SPECIALIST UNIT_HEAD SIGNER CLERK;          SPECIALIST:600 UNIT_HEAD:100 SIGNER:100 CLERK:100
            no unit head;                ASSIGNER SPECIALIST SIGNER CLERK;           ASSIGNER:50 SPECIALIST:650 SIGNER:100 CLERK:100
            commune (neither);           SPECIALIST SIGNER CLERK;                    SPECIALIST:700 SIGNER:100 CLERK:100
            nobody at all;               ;                                           SPECIALIST:700 SIGNER:100 CLERK:100
            assigner only;               ASSIGNER;                                   ASSIGNER:50 SPECIALIST:650 SIGNER:100 CLERK:100
            """)
    void theStepsFollowTheRolesHeld(String agency, String held, String expected) {
        Set<Role> roles = held == null ? Set.of() : Arrays.stream(held.trim().split("\\s+")).map(Role::valueOf).collect(Collectors.toSet());
        String steps = ProcessPlans.defaultSteps(roles::contains).stream().map(s -> s.role() + ":" + s.perMille())
                .collect(Collectors.joining(" "));
        assertThat(steps).as(agency).isEqualTo(expected.trim());
        assertThat(ProcessPlans.defaultSteps(roles::contains).stream().mapToInt(ProcessPlans.DefaultStep::perMille).sum())
                .as("the return keeps the same tenth of the legal time").isEqualTo(900);
    }
}
