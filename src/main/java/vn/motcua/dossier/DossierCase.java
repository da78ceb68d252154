package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;
import vn.motcua.organization.Role;
import vn.motcua.organization.RoleAssignment;
import vn.motcua.organization.StaffView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A dossier being processed: the aggregate every processing action goes through. It holds the state, the step that
 * has the dossier and the clock; {@link #moveTo} is the only way the state changes and refuses what
 * {@link DossierState} does not allow. An action changes this object and records what must be written (history,
 * hand-overs, consultations, a slip); {@code DossierProcessing} writes it all with one version-checked UPDATE.
 * Who may act is decided here too ({@link #refusal}), from the person's role assignments, the step's agency and unit
 * and its assignee.
 */
final class DossierCase {

    final Dossier dossier;
    final int version;
    DossierState state;
    @Nullable Instant dueAt;
    List<Dossier.MissingItem> missing;
    String processRef;
    List<Progress.PlannedStep> plan;
    @Nullable Integer stepIndex;
    @Nullable String stepAssignee;
    @Nullable UUID stepUnitId;
    @Nullable String stepUnitName;
    @Nullable Instant stepStartedAt;
    @Nullable Instant stepDueAt;
    @Nullable Instant clockStart;
    @Nullable Instant originalDueAt;
    @Nullable Instant indexDueAt;
    boolean extended;
    @Nullable String extensionReason;
    @Nullable Instant stoppedClockAt;
    @Nullable DossierState resumeState;
    @Nullable Instant supplementRequestedAt;
    @Nullable Instant supplementReceivedAt;
    int supplementCount;
    int waitedMinutes;
    int openConsultations;
    @Nullable String proposal;
    @Nullable String proposalReason;
    @Nullable Instant approvedAt;
    @Nullable String approvedBy;
    Progress.@Nullable Result result;
    @Nullable Instant resultReadyAt;
    @Nullable Instant returnedAt;
    Progress.@Nullable Returned returned;
    @Nullable Instant stoppedAt;
    ClockPolicy policy;

    // what the row held when it was read: a JSON column is written back only when a move changed it
    final String processRefAsRead;
    final List<Progress.PlannedStep> planAsRead;
    final @Nullable ClockPolicy policyAsRead;
    final List<Dossier.MissingItem> missingAsRead;
    final Progress.@Nullable Result resultAsRead;
    final Progress.@Nullable Returned returnedAsRead;

    // what an action leaves to write
    final List<Dossier.HistoryEntry> newHistory = new ArrayList<>();
    final List<Progress.Handover> newHandovers = new ArrayList<>();
    final List<Progress.Consultation> newConsultations = new ArrayList<>();
    final List<Progress.Consultation> answeredConsultations = new ArrayList<>();
    DossierEvent.@Nullable HandedOver handedOver;

    DossierCase(Dossier d) {
        this.dossier = d;
        this.version = d.version();
        this.state = d.state();
        this.dueAt = d.dueAt();
        this.missing = d.missing();
        Progress p = d.progress();
        this.processRef = p.processRef();
        this.plan = new ArrayList<>(p.plan());
        this.stepIndex = p.stepIndex();
        var current = p.currentSteps().stream().filter(s -> s.consultationId() == null).findFirst().orElse(null);
        this.stepAssignee = current == null ? null : current.assignee();
        this.stepUnitId = current == null ? null : current.unitId();
        this.stepUnitName = current == null ? null : current.unit();
        this.stepStartedAt = current == null ? null : current.startedAt();
        this.stepDueAt = current == null ? null : current.dueAt();
        this.clockStart = p.clockStart();
        this.originalDueAt = p.originalDueAt();
        this.indexDueAt = p.indexDueAt();
        this.extended = p.extended();
        this.extensionReason = p.extensionReason();
        this.stoppedClockAt = p.clockStoppedAt();
        this.resumeState = p.resumeState();
        this.supplementRequestedAt = p.supplementRequestedAt();
        this.supplementReceivedAt = p.supplementReceivedAt();
        this.supplementCount = p.supplementCount();
        this.waitedMinutes = p.waitedMinutes();
        this.openConsultations = p.openConsultations();
        this.proposal = p.proposal();
        this.proposalReason = p.proposalReason();
        this.approvedAt = p.approvedAt();
        this.approvedBy = p.approvedBy();
        this.result = p.result();
        this.resultReadyAt = p.resultReadyAt();
        this.returnedAt = p.returnedAt();
        this.returned = p.returned();
        this.stoppedAt = p.stoppedAt();
        this.policy = p.policy() == null ? ClockPolicy.standard() : p.policy();
        this.processRefAsRead = p.processRef();
        this.planAsRead = p.plan();
        this.policyAsRead = p.policy();
        this.missingAsRead = d.missing();
        this.resultAsRead = p.result();
        this.returnedAsRead = p.returned();
    }

    String code() {
        return dossier.code();
    }

    // --- the lifecycle ---------------------------------------------------------------------------------------------

    /** The one place the state changes; refuses what the transition table does not allow. */
    void moveTo(DossierState next, DossierAction action) {
        if (!state.canMoveTo(next)) {
            throw DossierProblem.illegalMove(code(), state, action);
        }
        state = next;
    }

    /**
     * Received, and already at a handler's step rather than waiting to be assigned: a plan without an assigning step
     * (a commune's default process, an approved process that starts at the appraisal) hands the dossier straight to
     * its specialists at receipt. Their step's actions are those of processing; the first one starts processing
     * ({@link #startProcessingIfWithItsHandler}).
     */
    boolean withItsHandler() {
        var s = step();
        return state == DossierState.RECEIVED && s != null && !s.role().equals(Role.ASSIGNER.name());
    }

    /** Before a move of processing on a received dossier already with its handler: RECEIVED → IN_PROCESSING. */
    void startProcessingIfWithItsHandler(DossierAction action) {
        if (withItsHandler() && !action.allowedIn(DossierState.RECEIVED)) {
            moveTo(DossierState.IN_PROCESSING, action);
        }
    }

    /** Whether a result decision exists (signed, or issued): the dossier can no longer be stopped (Decree 118 Art. 21). */
    boolean resultDecided() {
        return approvedAt != null || result != null;
    }

    Progress.@Nullable PlannedStep step() {
        return stepIndex == null || stepIndex < 0 || stepIndex >= plan.size() ? null : plan.get(stepIndex);
    }

    // --- who may act -----------------------------------------------------------------------------------------------

    /** The person acting, with the role assignments of the organisation snapshot. */
    record Actor(String username, String fullName, List<RoleAssignment> roles) {
        static Actor of(StaffView s) {
            return new Actor(s.username(), s.fullName(), s.roles());
        }

        boolean holds(Role role, UUID agencyId, @Nullable UUID unitId) {
            return roles.stream().anyMatch(r -> r.role() == role && r.agencyId().equals(agencyId)
                    && (r.unitId() == null || unitId == null || r.unitId().equals(unitId)));
        }

        @Nullable UUID unitIn(UUID agencyId, Role role) {
            return roles.stream().filter(r -> r.role() == role && r.agencyId().equals(agencyId)).map(RoleAssignment::unitId)
                    .filter(Objects::nonNull).findFirst().orElse(null);
        }
    }

    /** Whether the person holds the current step: its role in its agency (and unit), and is its assignee when it has one. */
    boolean holdsStep(Actor a) {
        var s = step();
        if (s == null) {
            return false;
        }
        Role role = Role.valueOf(s.role());
        return a.holds(role, s.agencyId(), stepUnitId) && (stepAssignee == null || stepAssignee.equals(a.username()));
    }

    private boolean desk(Actor a) {
        return a.holds(Role.DESK_OFFICER, dossier.receivingAgency().id(), null);
    }

    private boolean leadOfStep(Actor a) {
        var s = step();
        return s != null && (a.holds(Role.ASSIGNER, s.agencyId(), null) || a.holds(Role.UNIT_HEAD, s.agencyId(), stepUnitId)
                || a.holds(Role.SIGNER, s.agencyId(), null));
    }

    private String stepHolderWords() {
        var s = step();
        if (s == null) {
            return "không ai (hồ sơ không còn ở bước nào)";
        }
        return (stepAssignee != null ? stepAssignee + ", " : "") + "vai trò " + s.role() + " của " + s.agencyName()
                + (stepUnitName != null ? ", " + stepUnitName : "") + " (bước \"" + s.name() + "\")";
    }

    /**
     * Why this person may not take this action now, or null when they may: 409 when the state or a rule of
     * processing refuses it, 403 when it is someone else's to take.
     */
    @Nullable DossierProblem refusal(DossierAction action, Actor a, DossierClock clock, Instant now) {
        DossierProblem byStep = refusalAtStep(action, a, clock, now);
        if (byStep != null || openConsultations == 0) {
            return byStep;
        }
        // a decision waits for every opinion asked for: approval, refusal, issue and return alike (as COMPLETE_STEP does)
        boolean decides = switch (action) {
            case APPROVE, ISSUE_RESULT, RETURN_RESULT, PROPOSE_REFUSAL -> true;
            case REFUSE -> state != DossierState.SUBMITTED;
            default -> false;
        };
        return decides ? DossierProblem.refused("dossier.consultations-open",
                "Còn " + openConsultations + " ý kiến cơ quan phối hợp chưa trả lời: chưa " + DossierWords.action(action).toLowerCase(java.util.Locale.ROOT)
                        + " được.") : null;
    }

    private @Nullable DossierProblem refusalAtStep(DossierAction action, Actor a, DossierClock clock, Instant now) {
        if (!action.allowedIn(state) && !(withItsHandler() && action.allowedIn(DossierState.IN_PROCESSING))) {
            return DossierProblem.illegalMove(code(), state, action);
        }
        var s = step();
        String holder = stepHolderWords();
        String deskWords = "cán bộ một cửa (DESK_OFFICER) của " + dossier.receivingAgency().name();
        return switch (action) {
            case ACCEPT -> desk(a) ? null : DossierProblem.notYours(code(), action, deskWords);
            case REQUEST_SUPPLEMENT -> {
                if (state == DossierState.SUBMITTED) {
                    yield desk(a) ? null : DossierProblem.notYours(code(), action, deskWords);
                }
                if (!holdsStep(a)) {
                    yield DossierProblem.notYours(code(), action, holder);
                }
                if (s == null || !s.maySupplement()) {
                    yield DossierProblem.refused("dossier.supplement-not-at-this-step",
                            "Bước \"" + (s == null ? "" : s.name()) + "\" không được yêu cầu bổ sung hồ sơ theo quy trình nội bộ.");
                }
                if (supplementCount > 0) {
                    yield DossierProblem.refused("dossier.supplement-once",
                            "Hồ sơ đã được yêu cầu bổ sung một lần: yêu cầu bổ sung phải nêu đầy đủ, một lần.");
                }
                Instant end = clock.workingDaysAfter(Objects.requireNonNull(clockStart), policy.supplementWindowDays(),
                        dossier.handlingAgency().id());
                yield now.isAfter(end) ? DossierProblem.refused("dossier.supplement-window-closed",
                        "Chỉ được yêu cầu bổ sung trong " + policy.supplementWindowDays() + " ngày làm việc kể từ khi tiếp nhận (đến "
                                + DossierWords.dateTime(end) + "); quá thời hạn này, cơ quan giải quyết chịu trách nhiệm về hồ sơ.") : null;
            }
            case SUPPLEMENT_RECEIVED -> desk(a) || (s != null && a.holds(Role.valueOf(s.role()), s.agencyId(), stepUnitId)) ? null
                    : DossierProblem.notYours(code(), action, deskWords);
            case REFUSE -> {
                if (state == DossierState.SUBMITTED) {
                    yield desk(a) ? null : DossierProblem.notYours(code(), action, deskWords);
                }
                yield s != null && s.role().equals(Role.SIGNER.name()) && holdsStep(a) ? null
                        : DossierProblem.notYours(code(), action, "người ký (SIGNER) ở bước ký; hiện hồ sơ do " + holder + " giữ");
            }
            case ASSIGN -> s == null ? DossierProblem.illegalMove(code(), state, action)
                    : (s.role().equals(Role.ASSIGNER.name()) && holdsStep(a)) || leadOfStep(a) ? null
                    : DossierProblem.notYours(code(), action, "lãnh đạo phân công (ASSIGNER) của " + s.agencyName());
            case COMPLETE_STEP -> {
                if (s == null || !holdsStep(a)) {
                    yield DossierProblem.notYours(code(), action, holder);
                }
                DossierAction own = DossierAction.completing(Role.valueOf(s.role()));
                if (own != DossierAction.COMPLETE_STEP && own != DossierAction.ASSIGN) {
                    yield DossierProblem.refused("dossier.use-step-action",
                            "Bước \"" + s.name() + "\" kết thúc bằng thao tác " + own + " (" + DossierWords.action(own) + ").");
                }
                yield openConsultations > 0 ? DossierProblem.refused("dossier.consultations-open",
                        "Còn " + openConsultations + " ý kiến cơ quan phối hợp chưa trả lời: chưa chuyển bước được.") : null;
            }
            case RETURN_STEP -> {
                if (!holdsStep(a)) {
                    yield DossierProblem.notYours(code(), action, holder);
                }
                yield stepIndex == null || stepIndex == 0 ? DossierProblem.refused("dossier.no-previous-step",
                        "Đây là bước đầu tiên của quy trình: không có bước trước để trả lại.") : null;
            }
            case PROPOSE_REFUSAL -> !holdsStep(a) ? DossierProblem.notYours(code(), action, holder)
                    : s == null || !s.mayProposeRefusal() ? DossierProblem.refused("dossier.refusal-not-at-this-step",
                    "Bước \"" + (s == null ? "" : s.name()) + "\" không được đề xuất từ chối theo quy trình nội bộ.") : null;
            case CONSULT, TRANSFER, REQUEST_PAYMENT, PAUSE -> {
                if (!holdsStep(a)) {
                    yield DossierProblem.notYours(code(), action, holder);
                }
                if (action == DossierAction.REQUEST_PAYMENT && !policy.paymentAllowed()) {
                    yield DossierProblem.refused("dossier.payment-not-in-policy",
                            "Thủ tục này không có bước chờ thực hiện nghĩa vụ tài chính trong cấu hình.");
                }
                if (action == DossierAction.PAUSE && policy.pauseReasons().isEmpty()) {
                    yield DossierProblem.refused("dossier.pause-not-in-policy",
                            "Pháp luật chuyên ngành của thủ tục này không cho tạm dừng tính thời gian giải quyết.");
                }
                if (action == DossierAction.TRANSFER && openConsultations > 0) {
                    yield DossierProblem.refused("dossier.consultations-open",
                            "Còn " + openConsultations + " ý kiến cơ quan phối hợp chưa trả lời: chưa chuyển được.");
                }
                yield null;
            }
            case CONSULTATION_ANSWERED -> null; // decided against the consultation itself (DossierProcessing)
            case PAYMENT_RECEIVED -> desk(a) || holdsStep(a) ? null : DossierProblem.notYours(code(), action, deskWords);
            case RESUME -> state == DossierState.WITHDRAWAL_REQUESTED
                    ? (desk(a) ? null : DossierProblem.notYours(code(), action, deskWords))
                    : (holdsStep(a) || leadOfStep(a) ? null : DossierProblem.notYours(code(), action, holder));
            case APOLOGIZE_AND_EXTEND -> {
                if (!(holdsStep(a) || leadOfStep(a) || a.holds(Role.SIGNER, dossier.handlingAgency().id(), null))) {
                    yield DossierProblem.notYours(code(), action, "người giữ hồ sơ hoặc lãnh đạo cơ quan, đơn vị đang giải quyết");
                }
                if (extended) {
                    yield DossierProblem.refused("dossier.already-extended",
                            "Hồ sơ đã được xin lỗi và gia hạn một lần: chỉ được gia hạn một lần.");
                }
                if (dueAt == null) {
                    yield DossierProblem.refused("dossier.no-due-time", "Hồ sơ không có thời hạn giải quyết để gia hạn.");
                }
                yield clock.oneWorkingDayBefore(now, dueAt, dossier.handlingAgency().id()) ? null
                        : DossierProblem.refused("dossier.extension-too-late",
                        "Văn bản xin lỗi và gia hạn phải gửi chậm nhất 01 ngày làm việc trước thời hạn trả kết quả ("
                                + DossierWords.dateTime(dueAt) + ").");
            }
            case APPROVE -> s != null && s.role().equals(Role.SIGNER.name()) && holdsStep(a) ? null
                    : DossierProblem.notYours(code(), action, holder);
            case ISSUE_RESULT -> s != null && s.role().equals(Role.CLERK.name()) && holdsStep(a) ? null
                    : DossierProblem.notYours(code(), action, holder);
            case RETURN_RESULT -> s != null && s.role().equals(Role.DESK_OFFICER.name()) && holdsStep(a) ? null
                    : DossierProblem.notYours(code(), action, deskWords);
            case REQUEST_STOP, STOP -> {
                boolean may = desk(a) || (action == DossierAction.STOP && a.holds(Role.SIGNER, dossier.handlingAgency().id(), null));
                if (!may) {
                    yield DossierProblem.notYours(code(), action, deskWords);
                }
                yield resultDecided() ? DossierProblem.refused("dossier.result-decided",
                        "Đã có quyết định giải quyết hồ sơ (" + (approvedAt != null ? "phê duyệt lúc " + DossierWords.dateTime(approvedAt)
                                : "đã phát hành kết quả") + "): không dừng, rút hồ sơ được nữa.") : null;
            }
        };
    }

    // --- the clock ---------------------------------------------------------------------------------------------------

    void stopClock(Instant now) {
        if (stoppedClockAt == null) {
            stoppedClockAt = now;
        }
    }

    /** The clock runs again: the due times carry the working time left (and, for a supplement under RESTART, start again). */
    void runClock(Instant now, DossierClock clock, boolean supplement) {
        if (stoppedClockAt == null) {
            return;
        }
        UUID agency = dossier.handlingAgency().id();
        Instant stopped = stoppedClockAt;
        waitedMinutes += (int) Math.min(Integer.MAX_VALUE, clock.workingMinutes(stopped, now, agency));
        indexDueAt = clock.shifted(indexDueAt, stopped, now, agency);
        if (supplement && policy.onSupplement() == ClockPolicy.OnSupplement.RESTART) {
            Instant restarted = clock.restarted(now, dossier.processingTime(), agency);
            originalDueAt = restarted;
            dueAt = restarted;
            clockStart = now;
        } else {
            originalDueAt = clock.shifted(originalDueAt, stopped, now, agency);
            dueAt = clock.shifted(dueAt, stopped, now, agency);
        }
        var s = step();
        if (s != null && stepDueAt != null) {
            stepDueAt = clock.shifted(stepDueAt, stopped, now, s.agencyId());
        }
        stoppedClockAt = null;
    }

    // --- steps -------------------------------------------------------------------------------------------------------

    /** Puts the dossier on the first step of its plan at receipt (the desk hands it to the handling agency). */
    void begin(ProcessPlans.Plan p, Instant receivedAt, DossierClock clock, String deskOfficer) {
        this.processRef = p.ref();
        this.plan = new ArrayList<>(p.steps());
        this.clockStart = receivedAt;
        this.originalDueAt = dueAt;
        this.indexDueAt = dueAt;
        enter(0, null, null, receivedAt, clock);
        var s = Objects.requireNonNull(step());
        newHandovers.add(new Progress.Handover(receivedAt, "RECEIVE", "Tiếp nhận hồ sơ", dossier.receivingAgency().id(),
                dossier.receivingAgency().name(), "Bộ phận một cửa", deskOfficer, s.agencyId(), s.agencyName(),
                Objects.requireNonNullElse(stepUnitName, ""), "", receivedAt, receivedAt, true, 0));
    }

    private void enter(int index, @Nullable String assignee, @Nullable UUID unitId, Instant now, DossierClock clock) {
        var s = plan.get(index);
        stepIndex = index;
        stepAssignee = assignee;
        stepUnitId = unitId != null ? unitId : s.unitId();
        stepUnitName = unitId != null ? null : s.unit();
        stepStartedAt = now;
        stepDueAt = clock.stepDue(now, s, dueAt);
    }

    void setUnitName(@Nullable String name) {
        this.stepUnitName = name;
    }

    /**
     * Hands the dossier from the current step to step {@code next}: the hand-over is recorded with whether the side
     * handing over kept its step budget at this moment (lateness is attributed to its agency and unit).
     */
    void handTo(int next, @Nullable String assignee, @Nullable UUID unitId, @Nullable String unitName, Actor by, String action,
                Instant now, DossierClock clock) {
        var from = Objects.requireNonNull(step());
        UUID fromUnit = stepUnitId != null ? stepUnitId : by.unitIn(from.agencyId(), Role.valueOf(from.role()));
        String fromUnitName = stepUnitName != null ? stepUnitName : "";
        int late = clock.lateMinutes(stepDueAt, now, from.agencyId());
        handedOver = new DossierEvent.HandedOver(from.name(), from.agencyId(), from.agency(), fromUnit, stepUnitName, by.username(),
                stepStartedAt, stepDueAt, late == 0, late);
        plan.set(from.index(), from.doneBy(by.username(), fromUnit));
        Instant heldSince = stepStartedAt;
        Instant budgetEnd = stepDueAt;
        enter(next, assignee, unitId, now, clock);
        if (unitName != null) {
            stepUnitName = unitName;
        }
        var to = plan.get(next);
        newHandovers.add(new Progress.Handover(now, action, from.name(), from.agencyId(), from.agencyName(), fromUnitName,
                by.fullName() + " (" + by.username() + ")", to.agencyId(), to.agencyName(), Objects.requireNonNullElse(stepUnitName, ""),
                Objects.requireNonNullElse(assignee, ""), heldSince, budgetEnd, late == 0, late));
    }

    /** Inserts a step right after the current one (a transfer to another agency), renumbering those after it. */
    void insertAfterCurrent(Progress.PlannedStep step) {
        int at = Objects.requireNonNull(stepIndex) + 1;
        plan.add(at, step);
        for (int i = 0; i < plan.size(); i++) {
            plan.set(i, plan.get(i).at(i));
        }
    }

    void record(Instant at, String actor, DossierState from, DossierAction action, String publicNote, String note) {
        var s = step();
        newHistory.add(new Dossier.HistoryEntry(at, actor, from, state, state.nationalCode(), publicNote, note, action.name(),
                s == null ? null : s.name()));
    }

    /** The dossier as this action left it (lists not re-read: history, slips, consultations and hand-overs empty). */
    Dossier toDossier() {
        var d = dossier;
        var s = step();
        var current = new ArrayList<Progress.CurrentStep>();
        if (s != null && (state.isOpen() || state == DossierState.RESULT_READY)) {
            current.add(new Progress.CurrentStep(s.name(), s.role(), s.agency(), stepUnitName, stepAssignee, stepDueAt, s.index(), s.agencyId(),
                    stepUnitId, stepStartedAt, null));
        }
        var progress = new Progress(processRef, List.copyOf(plan), stepIndex, current, clockStart, originalDueAt, indexDueAt, extended,
                extensionReason, stoppedClockAt, resumeState, supplementRequestedAt, supplementReceivedAt, supplementCount, waitedMinutes,
                openConsultations, proposal, proposalReason, approvedAt, approvedBy, result, resultReadyAt, returnedAt, returned, stoppedAt,
                policy, List.of(), List.of());
        return new Dossier(d.id(), d.code(), d.codeFromPortal(), d.channel(), state, state.nationalCode(), d.procedure(), d.receivingAgency(),
                d.handlingAgency(), d.applicant(), d.documents(), missing, d.processingTime(), d.submittedAt(), d.receivedAt(), dueAt,
                d.decidedAt(), d.decidedBy(), d.note(), version + 1, List.of(), List.of(), progress);
    }

    DossierEvent.Clock clockSnapshot(Instant now) {
        Instant done = resultReadyAt != null ? resultReadyAt : stoppedAt != null ? stoppedAt : now;
        return new DossierEvent.Clock(dossier.receivedAt(), dueAt, originalDueAt, indexDueAt, extended,
                stoppedClockAt == null && state.clockRuns(),
                supplementRequestedAt, supplementReceivedAt, supplementCount, waitedMinutes, resultReadyAt, returnedAt,
                resultReadyAt != null && originalDueAt != null && resultReadyAt.isBefore(originalDueAt),
                originalDueAt != null && done.isAfter(originalDueAt));
    }

    DossierEvent.@Nullable Step eventStep() {
        var s = step();
        if (s == null || !(state.isOpen() || state == DossierState.RESULT_READY)) {
            return null;
        }
        return new DossierEvent.Step(s.index(), s.name(), s.role(), s.agencyId(), s.agency(), stepUnitId, stepUnitName, stepAssignee,
                stepDueAt, s.interAgency());
    }
}
