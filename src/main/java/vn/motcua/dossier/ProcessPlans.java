package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.InternalProcess;
import vn.motcua.catalog.InternalProcesses;
import vn.motcua.catalog.ProcessStep;
import vn.motcua.organization.AgencyView;
import vn.motcua.organization.Role;
import vn.motcua.organization.UnitView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import static vn.motcua.dossier.DossierWords.VIETNAM;

/**
 * The steps a dossier follows, fixed at receipt: the internal process in force for the procedure and the handling
 * agency on the day of receipt (issue 3's {@link InternalProcesses#inForce}), else the default process (assign,
 * appraise, review, sign, issue, return) sharing the legal time out in working minutes.
 * <p>
 * Decisions: leading DESK_OFFICER steps are the receipt itself (done at intake); a step whose unit starts with an
 * agency's electronic ID ("H36.12" or "H36.12 / Phòng Quản lý đất đai") belongs to that agency (liên thông), else to
 * the handling agency, its unit matched by name; a process without a CLERK step gets one ("Phát hành kết quả") before
 * the return, and every plan ends with the return at the receiving desk, which has no budget of its own (the
 * dossier's due time). Steps of a parallel group are followed one after another (consultations run in parallel
 * through CONSULT).
 */
@Component
class ProcessPlans {

    /** The default process's shares of the legal time, in per mille; the return keeps what is left. */
    static final List<DefaultStep> DEFAULT = List.of(
            new DefaultStep("Phân công thụ lý", Role.ASSIGNER, 50, false, false),
            new DefaultStep("Thẩm định hồ sơ", Role.SPECIALIST, 550, true, true),
            new DefaultStep("Xem xét, trình ký", Role.UNIT_HEAD, 100, false, false),
            new DefaultStep("Phê duyệt, ký kết quả", Role.SIGNER, 100, false, false),
            new DefaultStep("Phát hành kết quả", Role.CLERK, 100, false, false));
    private static final java.util.Map<Role, String> DEFAULT_WORDS = java.util.Map.of(Role.ASSIGNER, "phân công", Role.SPECIALIST,
            "thẩm định", Role.UNIT_HEAD, "xem xét", Role.SIGNER, "ký", Role.CLERK, "phát hành");
    static final String RETURN_STEP = "Trả kết quả";
    static final String ISSUE_STEP = "Phát hành kết quả";
    private static final Pattern AGENCY_PREFIX = Pattern.compile("^([A-Z][0-9]{2}(?:\\.[0-9A-Z]{2,3})*)\\s*(?:[/:–-]\\s*(.*))?$");

    record DefaultStep(String name, Role role, int perMille, boolean maySupplement, boolean mayProposeRefusal) {
    }

    record Plan(String ref, List<Progress.PlannedStep> steps) {
    }

    private final InternalProcesses processes;
    private final CommittedOrganisation organisation;
    private final DossierClock clock;

    ProcessPlans(InternalProcesses processes, CommittedOrganisation organisation, DossierClock clock) {
        this.processes = processes;
        this.organisation = organisation;
        this.clock = clock;
    }

    Plan plan(Dossier d, Instant receivedAt, @Nullable Instant dueAt) {
        LocalDate day = LocalDate.ofInstant(receivedAt, VIETNAM);
        Optional<InternalProcess> approved = processes.inForce(d.procedure().code(), d.handlingAgency().id(), day);
        return approved.map(p -> fromProcess(p, d)).orElseGet(() -> defaultPlan(d, receivedAt, dueAt));
    }

    private Plan fromProcess(InternalProcess process, Dossier d) {
        var steps = new ArrayList<Progress.PlannedStep>();
        boolean leading = true;
        List<ProcessStep> source = process.steps();
        for (int i = 0; i < source.size(); i++) {
            ProcessStep s = source.get(i);
            boolean last = i == source.size() - 1;
            if (s.role().equals(Role.DESK_OFFICER.name()) && (leading || last)) {
                continue; // the receipt (done at intake) and the return (added below)
            }
            leading = false;
            steps.add(step(steps.size(), s, d));
        }
        finish(steps, d);
        return new Plan(process.decisionNumber() + ", phiên bản " + process.versionNo(), steps);
    }

    private Progress.PlannedStep step(int index, ProcessStep s, Dossier d) {
        AgencyView agency = organisation.agency(d.handlingAgency().id());
        String unitName = s.unit() == null || s.unit().isBlank() ? null : s.unit().strip();
        if (unitName != null) {
            var m = AGENCY_PREFIX.matcher(unitName);
            if (m.matches()) {
                var other = organisation.find(m.group(1));
                if (other.isPresent()) {
                    agency = other.get();
                    unitName = m.group(2) == null || m.group(2).isBlank() ? null : m.group(2).strip();
                }
            }
        }
        UnitView unit = unitName == null ? null : unitNamed(agency.id(), unitName);
        return new Progress.PlannedStep(index, s.name(), s.role(), agency.id(), agency.electronicId(), agency.name(),
                unit == null ? null : unit.id(), unit == null ? unitName : unit.name(), s.duration(), s.timeUnit(), 0,
                s.maySupplement(), s.mayProposeRefusal(), s.form(), !agency.id().equals(d.handlingAgency().id()), null, null);
    }

    private @Nullable UnitView unitNamed(UUID agencyId, String name) {
        String folded = DossierWords.folded(name);
        return organisation.units(agencyId).stream().filter(u -> u.active() && DossierWords.folded(u.name()).equals(folded))
                .findFirst().orElse(null);
    }

    private Plan defaultPlan(Dossier d, Instant receivedAt, @Nullable Instant dueAt) {
        var h = d.handlingAgency();
        long total = dueAt == null ? 0 : clock.workingMinutes(receivedAt, dueAt, h.id());
        var steps = new ArrayList<Progress.PlannedStep>();
        var held = organisation.rolesHeld(h.id(), java.util.EnumSet.of(Role.ASSIGNER, Role.UNIT_HEAD));
        List<DefaultStep> kept = defaultSteps(held::contains);
        for (DefaultStep s : kept) {
            long budget = Math.max(total == 0 ? 0 : 1, total * s.perMille() / 1000);
            steps.add(new Progress.PlannedStep(steps.size(), s.name(), s.role().name(), h.id(), h.electronicId(), h.name(), null, null, 0,
                    null, budget, s.maySupplement(), s.mayProposeRefusal(), null, false, null, null));
        }
        finish(steps, d);
        return new Plan("Quy trình mặc định (" + String.join(", ", kept.stream().map(k -> DEFAULT_WORDS.get(k.role())).toList())
                + ", trả kết quả)", steps);
    }

    /**
     * The default steps for an agency whose staff hold the given roles. An agency where nobody holds ASSIGNER (a
     * commune, whose desk hands the dossier straight to its specialists) starts at the appraisal, in the queue of its
     * specialists; one where nobody holds UNIT_HEAD (no departments) goes from the specialist to the signer. The
     * appraisal takes the shares of the steps left out. Appraisal, signature and issue are never left out: an agency
     * without a specialist, a signer or a clerk cannot decide a dossier, and the step waits in the queue for the
     * role to be given to someone.
     */
    static List<DefaultStep> defaultSteps(java.util.function.Predicate<Role> held) {
        var kept = new ArrayList<DefaultStep>();
        int freed = 0;
        for (DefaultStep s : DEFAULT) {
            if ((s.role() == Role.ASSIGNER || s.role() == Role.UNIT_HEAD) && !held.test(s.role())) {
                freed += s.perMille();
            } else {
                kept.add(s);
            }
        }
        for (int i = 0; i < kept.size(); i++) {
            var s = kept.get(i);
            if (s.role() == Role.SPECIALIST) {
                kept.set(i, new DefaultStep(s.name(), s.role(), s.perMille() + freed, s.maySupplement(), s.mayProposeRefusal()));
            }
        }
        return List.copyOf(kept);
    }

    /** A CLERK step before the return when the process has none, and the return at the receiving desk. */
    private static void finish(List<Progress.PlannedStep> steps, Dossier d) {
        var h = d.handlingAgency();
        if (steps.stream().noneMatch(s -> s.role().equals(Role.CLERK.name()))) {
            steps.add(new Progress.PlannedStep(steps.size(), ISSUE_STEP, Role.CLERK.name(), h.id(), h.electronicId(), h.name(), null, null,
                    0, null, 0, false, false, null, false, null, null));
        }
        var r = d.receivingAgency();
        steps.add(new Progress.PlannedStep(steps.size(), RETURN_STEP, Role.DESK_OFFICER.name(), r.id(), r.electronicId(), r.name(), null,
                null, 0, null, 0, false, false, "07", false, null, null));
    }
}
