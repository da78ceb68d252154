package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.slip.SlipContent;
import vn.motcua.files.FileStorage;
import vn.motcua.files.StoredFile;
import vn.motcua.organization.AccessScope;
import vn.motcua.organization.AgencyView;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffDirectory;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitView;
import vn.motcua.platform.CurrentUser;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.DomainProblem.InvalidParam;
import vn.motcua.platform.database.PendingWrites;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import static vn.motcua.dossier.DossierWords.VIETNAM;

/**
 * The dossier module's front door for processing after intake: the actions of {@link DossierAction} on a received
 * dossier along the steps of its internal process, the actions a person may take now, the work queues and bulk
 * assignment. A move is one transaction with few round trips: the dossier row is read once; the version-checked
 * UPDATE, its history, hand-over and audit rows go to PostgreSQL together in one round trip ({@link PendingWrites}),
 * then the commit. Two people acting at once: the second is refused with 409 ({@code dossier.changed}); the same
 * {@code Idempotency-Key} twice: the action happens once.
 */
@Service
public class DossierProcessing {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    /** Two words: possessive, so a long run of letters without a space fails in one pass instead of backtracking. */
    private static final int MAX_TEXT = 2000;
    /** The longest transfer or consultation, in working days (the web form says the same). */
    public static final int MAX_DAYS = 60;
    private static final int MAX_EXTENSION_DAYS = 365;

    private final DossierStore store;
    private final ProcessingStore processing;
    private final DossierIntake intake;
    private final ProcessPlans plans;
    private final DossierClock clock;
    private final CommittedOrganisation organisation;
    private final StaffDirectory staff;
    private final FileStorage files;
    private final ApplicationEventPublisher events;
    private final PendingWrites writes;
    private final ProcessingSlips slips;
    private final WorkQueues queues;
    private final JsonMapper json;
    private final Clock time;
    private final TransactionTemplate eachOnItsOwn;

    DossierProcessing(DossierStore store, ProcessingStore processing, DossierIntake intake, ProcessPlans plans, DossierClock clock,
                      CommittedOrganisation organisation, StaffDirectory staff, FileStorage files, ApplicationEventPublisher events,
                      PendingWrites writes, ProcessingSlips slips, WorkQueues queues, JsonMapper json, Clock time,
                      PlatformTransactionManager transactions) {
        this.store = store;
        this.processing = processing;
        this.intake = intake;
        this.plans = plans;
        this.clock = clock;
        this.organisation = organisation;
        this.staff = staff;
        this.files = files;
        this.events = events;
        this.writes = writes;
        this.slips = slips;
        this.queues = queues;
        this.json = json;
        this.time = time;
        this.eachOnItsOwn = new TransactionTemplate(transactions);
        this.eachOnItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The dossier after an action, and whether an earlier request with the same Idempotency-Key did it. */
    public record Acted(Dossier dossier, boolean replayed) {
    }

    /** An action the caller may take now, with the fields it needs and takes. */
    public record AvailableAction(DossierAction action, String label, List<String> needs, List<String> optional) {
    }

    /** The outcome of one dossier of a bulk assignment: the new version, or the problem that refused it. */
    public record BulkOutcome(String code, boolean assigned, @Nullable Integer version, @Nullable String problem,
                              @Nullable String message) {
    }

    /**
     * Takes an action on a dossier as the signed-in user. The answer carries the dossier as the action left it (its
     * history and lists are not re-read: {@link #get} for the full view).
     *
     * @param idempotencyKey the client's key: the same key and request a second time changes nothing and answers with
     *                       the dossier as it is
     * @throws DossierProblem 409 {@code dossier.illegal-move} or a rule's code, 409 {@code dossier.changed} when someone
     *                        acted meanwhile, 403 outside the caller's scope or not theirs to take, 400 when a needed
     *                        field is missing or wrong
     */
    @Transactional
    public Acted act(String code, ActionRequest request, @Nullable String idempotencyKey) {
        return actAt(code, request, idempotencyKey, time.instant());
    }

    /** The action as if taken at {@code at} (time is an input: tests and simulations of late dossiers). */
    @Transactional
    Acted actAt(String code, ActionRequest request, @Nullable String idempotencyKey, Instant at) {
        String username = CurrentUser.name();
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        DossierAction action = request.action();
        if (action == null) {
            throw DossierProblem.badAction(List.of(new InvalidParam("action", "Chọn thao tác (action), ví dụ ASSIGN, COMPLETE_STEP.")));
        }
        if (idempotencyKey != null) {
            if (!IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
                throw DossierProblem.badAction(List.of(new InvalidParam("Idempotency-Key", "từ 1 đến 200 ký tự ASCII in được")));
            }
            String hash = hash(code, request);
            var earlier = store.claim(username, idempotencyKey, hash, now);
            if (earlier.isPresent()) {
                if (!earlier.get().requestHash().equals(hash) || earlier.get().dossierCode() == null) {
                    throw DossierProblem.idempotencyMismatch();
                }
                return new Acted(store.byCode(code).orElseThrow(() -> DossierProblem.notFound(code)), true);
            }
        }
        StaffView person = organisation.staff(username).orElseThrow(() -> DossierProblem.outsideScope(code));
        DossierCase c = processing.load(store, code).orElseThrow(() -> DossierProblem.notFound(code));
        var actor = DossierCase.Actor.of(person);
        Progress.@Nullable Consultation consultation = null;
        if (action == DossierAction.CONSULTATION_ANSWERED && request.consultationId() != null) {
            consultation = processing.consultation(c.dossier.id(), request.consultationId()).orElse(null);
        }
        AccessScope scope = staff.scopeOf(username);
        if (!inScope(scope, c, consultation)) {
            throw DossierProblem.outsideScope(code);
        }
        if (request.version() != null && request.version() != c.version) {
            throw DossierProblem.changedMeanwhile(code);
        }
        DossierProblem refused = c.refusal(action, actor, clock, now);
        if (refused != null) {
            throw refused;
        }
        check(action, request, c);
        if (action == DossierAction.CONSULTATION_ANSWERED) {
            if (consultation == null) {
                throw DossierProblem.badAction(List.of(new InvalidParam("consultationId", "Hồ sơ không có yêu cầu xin ý kiến này.")));
            }
            if (consultation.answeredAt() != null) {
                throw DossierProblem.refused("dossier.consultation-answered", "Cơ quan " + consultation.agency()
                        + " đã trả lời xin ý kiến này lúc " + DossierWords.dateTime(consultation.answeredAt()) + ".");
            }
            if (!answers(actor, consultation)) {
                throw DossierProblem.notYours(code, action, "cán bộ của " + consultation.agency());
            }
        }
        Dossier after;
        if (c.state == DossierState.SUBMITTED && (action == DossierAction.ACCEPT || action == DossierAction.REQUEST_SUPPLEMENT
                || action == DossierAction.REFUSE)) {
            // the intake decision on an online or postal dossier: the desk's own path (Form 01, 02 or 03)
            var outcome = switch (action) {
                case ACCEPT -> Intake.Outcome.RECEIVE;
                case REQUEST_SUPPLEMENT -> Intake.Outcome.REQUEST_SUPPLEMENT;
                default -> Intake.Outcome.REFUSE;
            };
            after = intake.decide(code, outcome, request.missing(), request.note(), c.version);
        } else {
            perform(c, action, request, actor, consultation, now);
            processing.save(c, true);
            events.publishEvent(event(c, action, actor, request, now));
            after = c.toDossier();
        }
        if (idempotencyKey != null) {
            store.completeClaim(username, idempotencyKey, code);
        }
        try {
            writes.flush();
        } catch (IncorrectUpdateSemanticsDataAccessException movedMeanwhile) {
            throw DossierProblem.changedMeanwhile(code);
        }
        return new Acted(after, false);
    }

    /** {@link #act(String, ActionRequest, String)} without an Idempotency-Key. */
    @Transactional
    public Dossier act(String code, ActionRequest request) {
        return act(code, request, null).dossier();
    }

    /** The actions the signed-in user may take on the dossier now (an empty list: nothing, or not theirs). */
    @Transactional(readOnly = true)
    public List<AvailableAction> actions(String code) {
        String username = CurrentUser.name();
        DossierCase c = processing.load(store, code).orElseThrow(() -> DossierProblem.notFound(code));
        AccessScope scope = staff.scopeOf(username);
        var person = organisation.staff(username);
        if (person.isEmpty()) {
            throw DossierProblem.notFound(code);
        }
        var open = c.openConsultations > 0 ? processing.consultations(c.dossier.id()) : List.<Progress.Consultation>of();
        boolean consulted = open.stream().anyMatch(k -> k.answeredAt() == null && answers(DossierCase.Actor.of(person.get()), k));
        // an agency consulted earlier still reads the dossier (DossierIntake.get), and is told it may do nothing more
        if (!inScope(scope, c, null) && !consulted
                && processing.consultations(c.dossier.id()).stream().noneMatch(k -> scope.covers(k.agencyId()))) {
            throw DossierProblem.notFound(code);
        }
        var actor = DossierCase.Actor.of(person.get());
        Instant now = time.instant();
        var out = new ArrayList<AvailableAction>();
        for (DossierAction a : DossierAction.values()) {
            boolean may = a == DossierAction.CONSULTATION_ANSWERED
                    ? (a.allowedIn(c.state) || (c.withItsHandler() && a.allowedIn(DossierState.IN_PROCESSING))) && consulted
                    : c.refusal(a, actor, clock, now) == null;
            if (may) {
                out.add(new AvailableAction(a, DossierWords.action(a), a.needs(), a.optional()));
            }
        }
        return out;
    }

    /** A dossier with its processing, history, consultations and hand-overs, for staff whose scope covers it. */
    @Transactional(readOnly = true)
    public Dossier get(String code) {
        return intake.get(code);
    }

    /**
     * A work queue of the signed-in user, sorted by due time, with the count of every queue (filtered by the caller's
     * scope in SQL).
     */
    @Transactional(readOnly = true)
    public WorkQueues.QueuePage queue(@Nullable WorkQueue queue, @Nullable DossierState state, @Nullable String agency,
                                      @Nullable Instant dueBefore, int page, int size) {
        String username = CurrentUser.name();
        UUID agencyId = null;
        if (agency != null && !agency.isBlank()) {
            agencyId = organisation.find(agency.strip()).map(AgencyView::id).orElseThrow(() -> DossierProblem.badAction(
                    List.of(new InvalidParam("agency", "Không có cơ quan " + agency.strip() + "."))));
        }
        // no queue: the dossiers of the caller's scope in the state, of the agency, due before the time asked
        return queues.page(username, staff.scopeOf(username), queue, state, agencyId, dueBefore,
                Math.max(0, page), Math.clamp(size, 1, 200), time.instant());
    }

    /**
     * Assigns several dossiers at once: each is assigned in its own transaction, so one refused (moved meanwhile, not
     * in scope) leaves the others assigned.
     */
    public List<BulkOutcome> assignAll(List<String> codes, @Nullable String assignee, @Nullable UUID unit, @Nullable String note) {
        if (codes.isEmpty() || codes.size() > 200) {
            throw DossierProblem.badAction(List.of(new InvalidParam("codes", "Chọn từ 1 đến 200 hồ sơ.")));
        }
        var out = new ArrayList<BulkOutcome>();
        for (String code : codes.stream().distinct().toList()) {
            try {
                Dossier d = Objects.requireNonNull(eachOnItsOwn.execute(s -> act(code,
                        ActionRequest.of(DossierAction.ASSIGN, null).withAssignee(assignee, unit).withNote(note), null).dossier()));
                out.add(new BulkOutcome(code, true, d.version(), null, null));
            } catch (DomainProblem p) {
                out.add(new BulkOutcome(code, false, null, p.code(), p.getMessage()));
            }
        }
        return out;
    }

    /** The clock policy a procedure's dossiers are received under (its own, else the default). */
    @Transactional(readOnly = true)
    public ClockPolicy policy(String procedureCode) {
        return processing.policy(procedureCode);
    }

    /** Sets a procedure's clock policy (null code: the default); dossiers already received keep theirs. */
    @Transactional
    public ClockPolicy setPolicy(@Nullable String procedureCode, ClockPolicy policy) {
        if (policy.supplementWindowDays() < 0 || policy.supplementWindowDays() > MAX_DAYS) {
            throw DossierProblem.badAction(List.of(new InvalidParam("supplementWindowDays", "từ 0 đến " + MAX_DAYS + " ngày làm việc")));
        }
        processing.putPolicy(procedureCode, policy);
        return policy;
    }

    /** A slip of the dossier: 06 generated from the hand-overs as they were recorded; the others as they were issued. */
    @Transactional(readOnly = true)
    public SlipContent slip(String code, String form) {
        if (form.equals("06")) {
            Dossier d = intake.get(code);
            return slips.processControl(d, time.instant());
        }
        return intake.slip(code, form);
    }

    // --- the actions ----------------------------------------------------------------------------------------------

    private void perform(DossierCase c, DossierAction action, ActionRequest r, DossierCase.Actor a,
                         Progress.@Nullable Consultation consultation, Instant now) {
        DossierState from = c.state;
        c.startProcessingIfWithItsHandler(action);
        String note = text(r.note());
        String publicNote;
        switch (action) {
            case ACCEPT -> throw DossierProblem.illegalMove(c.code(), c.state, action); // only SUBMITTED, done by intake
            case SUPPLEMENT_RECEIVED -> {
                if (c.state == DossierState.AWAITING_INTAKE_SUPPLEMENT) {
                    c.moveTo(DossierState.SUBMITTED, action);
                    publicNote = "Đã nhận giấy tờ bổ sung; bộ phận một cửa kiểm tra lại hồ sơ.";
                } else {
                    c.moveTo(DossierState.IN_PROCESSING, action);
                    c.supplementReceivedAt = now;
                    c.runClock(now, clock, true);
                    publicNote = "Đã nhận hồ sơ bổ sung; tiếp tục giải quyết" + (c.dueAt == null ? "." : ", hẹn trả "
                            + DossierWords.appointment(c.dueAt) + ".");
                }
            }
            case REQUEST_SUPPLEMENT -> {
                var items = missingItems(r.missing(), c.dossier.documents());
                c.moveTo(DossierState.AWAITING_SUPPLEMENT, action);
                c.missing = items;
                c.supplementRequestedAt = now;
                c.supplementReceivedAt = null;
                c.supplementCount++;
                c.stopClock(now);
                slips.supplementDuringProcessing(c, items, note, a, now);
                publicNote = "Cơ quan giải quyết yêu cầu bổ sung, hoàn thiện hồ sơ (" + items.size() + " mục); thời gian giải quyết tạm dừng.";
            }
            case REFUSE -> {
                c.proposal = "REFUSAL";
                c.proposalReason = note;
                c.approvedAt = now;
                c.approvedBy = a.username();
                next(c, action, a, null, null, now);
                publicNote = "Cơ quan có thẩm quyền quyết định từ chối giải quyết hồ sơ: " + note;
            }
            case ASSIGN -> {
                var s = Objects.requireNonNull(c.step());
                UnitView unit = r.unit() == null ? null : unitOf(s.agencyId(), r.unit());
                // at the assigning step every leader allowed to assign (the ASSIGNER, the agency's signer, the unit's
                // head) gives the dossier its handler; at a later step a leader gives that step to someone else
                if (s.role().equals(Role.ASSIGNER.name())) {
                    var nextStep = c.plan.get(s.index() + 1);
                    String assignee = assignee(r.assignee(), Role.valueOf(nextStep.role()), nextStep.agencyId(),
                            unit == null ? nextStep.unitId() : unit.id());
                    next(c, action, a, assignee, unit, now);
                    publicNote = "Hồ sơ đã được phân công giải quyết.";
                } else {
                    String assignee = assignee(r.assignee(), Role.valueOf(s.role()), s.agencyId(), unit == null ? c.stepUnitId : unit.id());
                    reassign(c, assignee, unit, a, now);
                    publicNote = "Hồ sơ được giao lại trong cơ quan giải quyết.";
                }
                if (c.state == DossierState.RECEIVED) {
                    c.moveTo(DossierState.IN_PROCESSING, action);
                }
            }
            case COMPLETE_STEP -> {
                next(c, action, a, null, null, now);
                publicNote = "Hồ sơ đang được giải quyết: " + Objects.requireNonNull(c.step()).name() + ".";
            }
            case RETURN_STEP -> {
                var previous = c.plan.get(Objects.requireNonNull(c.stepIndex) - 1);
                // sent back to be looked at again: a refusal proposed on the way is withdrawn, the step decides anew
                c.proposal = null;
                c.proposalReason = null;
                c.handTo(previous.index(), previous.doneBy(), previous.doneUnitId(), null, a, action.name(), now, clock);
                moveOn(c, action);
                publicNote = "Hồ sơ đang được giải quyết: " + previous.name() + ".";
            }
            case PROPOSE_REFUSAL -> {
                c.proposal = "REFUSAL";
                c.proposalReason = note;
                next(c, action, a, null, null, now);
                publicNote = "Hồ sơ đang được giải quyết: " + Objects.requireNonNull(c.step()).name() + ".";
            }
            case CONSULT -> {
                AgencyView agency = agency(r.agency());
                var holding = Objects.requireNonNull(c.step());
                if (agency.id().equals(holding.agencyId())) {
                    throw DossierProblem.badAction(List.of(new InvalidParam("agency",
                            "Lấy ý kiến cơ quan khác: " + agency.name() + " đang giải quyết hồ sơ này.")));
                }
                if (c.openConsultations > 0 && processing.consultations(c.dossier.id()).stream()
                        .anyMatch(k -> k.answeredAt() == null && k.agencyId().equals(agency.id()))) {
                    throw DossierProblem.refused("dossier.consultation-open-there",
                            agency.name() + " đang được lấy ý kiến về hồ sơ này và chưa trả lời: không gửi lần hai.");
                }
                UnitView unit = r.unit() == null ? null : unitOf(agency.id(), r.unit());
                int days = Objects.requireNonNull(r.days());
                Instant due = clock.workingDaysAfter(now, days, agency.id());
                // as for a transfer: the answer must come by the dossier's appointment while it can still be kept
                if (c.dueAt != null && now.isBefore(c.dueAt) && due.isAfter(c.dueAt)) {
                    throw DossierProblem.badAction(List.of(new InvalidParam("days", days + " ngày làm việc vượt quá thời hạn trả kết quả "
                            + "của hồ sơ (" + DossierWords.dateTime(c.dueAt) + "): chọn thời gian ngắn hơn, hoặc xin lỗi và gia hạn trước.")));
                }
                var k = new Progress.Consultation(UUID.randomUUID(), agency.id(), agency.name(), unit == null ? null : unit.id(), note, now,
                        a.username(), due, null, null, null, null);
                c.newConsultations.add(k);
                c.openConsultations++;
                var s = Objects.requireNonNull(c.step());
                c.newHandovers.add(new Progress.Handover(now, action.name(), s.name(), s.agencyId(), s.agencyName(),
                        Objects.requireNonNullElse(c.stepUnitName, ""), a.fullName() + " (" + a.username() + ")", agency.id(), agency.name(),
                        unit == null ? "" : unit.name(), "", now, due, true, 0));
                moveOn(c, action);
                publicNote = "Cơ quan giải quyết đang lấy ý kiến cơ quan liên quan.";
            }
            case CONSULTATION_ANSWERED -> {
                var k = Objects.requireNonNull(consultation);
                boolean onTime = !now.isAfter(k.dueAt());
                c.answeredConsultations.add(new Progress.Consultation(k.id(), k.agencyId(), k.agency(), k.unitId(), k.question(), k.askedAt(),
                        k.askedBy(), k.dueAt(), now, a.username(), note, onTime));
                c.openConsultations = Math.max(0, c.openConsultations - 1);
                var s = c.step();
                int late = clock.lateMinutes(k.dueAt(), now, k.agencyId());
                c.newHandovers.add(new Progress.Handover(now, action.name(), "Lấy ý kiến", k.agencyId(), k.agency(), "",
                        a.fullName() + " (" + a.username() + ")", s == null ? null : s.agencyId(), s == null ? "" : s.agencyName(),
                        Objects.requireNonNullElse(c.stepUnitName, ""), Objects.requireNonNullElse(c.stepAssignee, ""), k.askedAt(),
                        k.dueAt(), onTime, late));
                c.handedOver = new DossierEvent.HandedOver("Lấy ý kiến", k.agencyId(), k.agency(), k.unitId(), null, a.username(),
                        k.askedAt(), k.dueAt(), onTime, late);
                if (c.state == DossierState.IN_PROCESSING) {
                    c.moveTo(DossierState.IN_PROCESSING, action);
                }
                publicNote = "Cơ quan liên quan đã có ý kiến.";
            }
            case TRANSFER -> {
                AgencyView agency = agency(r.agency());
                var s = Objects.requireNonNull(c.step());
                if (agency.id().equals(s.agencyId())) {
                    throw DossierProblem.badAction(List.of(new InvalidParam("agency", "Chuyển liên thông là chuyển sang cơ quan khác.")));
                }
                int days = Objects.requireNonNull(r.days());
                // the step handed on must end by the dossier's appointment while it can still be kept (an overdue
                // dossier is late whatever the budget: its lateness is already counted)
                if (c.dueAt != null && now.isBefore(c.dueAt) && clock.workingDaysAfter(now, days, agency.id()).isAfter(c.dueAt)) {
                    throw DossierProblem.badAction(List.of(new InvalidParam("days", days + " ngày làm việc vượt quá thời hạn trả kết quả "
                            + "của hồ sơ (" + DossierWords.dateTime(c.dueAt) + "): chọn thời gian ngắn hơn, hoặc xin lỗi và gia hạn trước.")));
                }
                UnitView unit = r.unit() == null ? null : unitOf(agency.id(), r.unit());
                Role role = transferRole(r.role());
                c.insertAfterCurrent(new Progress.PlannedStep(0, "Giải quyết liên thông tại " + agency.name(), role.name(), agency.id(),
                        agency.electronicId(), agency.name(), unit == null ? null : unit.id(), unit == null ? null : unit.name(),
                        days, vn.motcua.calendar.DurationUnit.WORKING_DAY, 0, false, false, null,
                        !agency.id().equals(c.dossier.handlingAgency().id()), null, null));
                next(c, action, a, null, null, now);
                publicNote = "Hồ sơ được chuyển liên thông đến " + agency.name() + ".";
            }
            case REQUEST_PAYMENT -> {
                c.moveTo(DossierState.AWAITING_PAYMENT, action);
                c.resumeState = DossierState.IN_PROCESSING;
                if (c.policy.paymentPauses()) {
                    c.stopClock(now);
                }
                publicNote = "Đề nghị thực hiện nghĩa vụ tài chính: " + String.format(java.util.Locale.forLanguageTag("vi"), "%,d", r.amount()) + " đồng.";
            }
            case PAYMENT_RECEIVED -> {
                c.moveTo(DossierState.IN_PROCESSING, action);
                c.resumeState = null;
                c.runClock(now, clock, false);
                publicNote = "Đã thực hiện nghĩa vụ tài chính; tiếp tục giải quyết.";
            }
            case PAUSE -> {
                c.moveTo(DossierState.PAUSED, action);
                c.resumeState = DossierState.IN_PROCESSING;
                c.stopClock(now);
                publicNote = "Tạm dừng tính thời gian giải quyết: " + r.reason() + ".";
            }
            case RESUME -> {
                DossierState back = c.state == DossierState.PAUSED ? DossierState.IN_PROCESSING
                        : Objects.requireNonNullElse(c.resumeState, DossierState.IN_PROCESSING);
                c.moveTo(back, action);
                c.resumeState = null;
                c.runClock(now, clock, false);
                publicNote = "Tiếp tục giải quyết hồ sơ.";
            }
            case APOLOGIZE_AND_EXTEND -> {
                Instant newDue = Objects.requireNonNull(r.newDueAt()).truncatedTo(ChronoUnit.MINUTES);
                Instant oldDue = Objects.requireNonNull(c.dueAt);
                c.extended = true;
                c.extensionReason = note;
                c.dueAt = newDue;
                c.moveTo(c.state, action);
                slips.apology(c, oldDue, newDue, note, a, now);
                publicNote = "Cơ quan giải quyết xin lỗi vì chậm trễ và hẹn lại ngày trả kết quả: " + DossierWords.appointment(newDue) + ".";
            }
            case APPROVE -> {
                c.approvedAt = now;
                c.approvedBy = a.username();
                next(c, action, a, null, null, now);
                publicNote = "REFUSAL".equals(c.proposal) ? "Đã có quyết định từ chối giải quyết; chờ phát hành văn bản."
                        : "Kết quả đã được phê duyệt; chờ phát hành.";
            }
            case ISSUE_RESULT -> {
                UUID fileId = r.signedFileId();
                String sha = null;
                if (fileId != null) {
                    try {
                        List<StoredFile> attached = files.attach(List.of(fileId), "dossier:" + c.code(), a.username());
                        sha = attached.getFirst().sha256();
                    } catch (DomainProblem fileProblem) {
                        throw DossierProblem.badAction(List.of(new InvalidParam("signedFileId", fileProblem.getMessage())));
                    }
                }
                boolean refusal = "REFUSAL".equals(c.proposal);
                c.result = new Progress.Result(refusal ? Progress.Result.Kind.REFUSAL : Progress.Result.Kind.GRANT,
                        Objects.requireNonNull(r.resultNumber()).strip(), r.resultDate(), fileId, sha, refusal ? c.proposalReason : null, now,
                        a.username());
                if (c.approvedAt == null) {
                    c.approvedAt = now;
                    c.approvedBy = a.username();
                }
                c.resultReadyAt = now;
                c.handTo(Objects.requireNonNull(c.stepIndex) + 1, null, null, null, a, action.name(), now, clock);
                c.moveTo(DossierState.RESULT_READY, action);
                publicNote = refusal ? "Đã có văn bản trả lời từ chối giải quyết (lý do: " + c.proposalReason + "); mời nhận tại bộ phận một cửa."
                        : c.originalDueAt != null && now.isBefore(c.originalDueAt)
                        ? "Đã có kết quả trước hạn: mời ông/bà đến nhận kết quả sớm."
                        : "Đã có kết quả: mời nhận kết quả.";
            }
            case RETURN_RESULT -> {
                var delivery = Objects.requireNonNull(r.delivery());
                String receivedBy = Objects.requireNonNull(r.receivedBy()).strip();
                c.returnedAt = now;
                c.returned = new Progress.Returned(delivery, receivedBy, now, a.username(), note);
                var s = Objects.requireNonNull(c.step());
                int late = clock.lateMinutes(c.stepDueAt, now, s.agencyId());
                c.newHandovers.add(new Progress.Handover(now, action.name(), s.name(), s.agencyId(), s.agencyName(), "Bộ phận một cửa",
                        a.fullName() + " (" + a.username() + ")", null, "Người nhận kết quả", DossierWords.delivery(delivery), receivedBy,
                        c.stepStartedAt, c.stepDueAt, late == 0, late));
                c.handedOver = new DossierEvent.HandedOver(s.name(), s.agencyId(), s.agency(), null, null, a.username(), c.stepStartedAt,
                        c.stepDueAt, late == 0, late);
                c.moveTo(DossierState.RETURNED, action);
                publicNote = "Đã trả kết quả (" + DossierWords.delivery(delivery).toLowerCase() + ").";
            }
            case REQUEST_STOP -> {
                c.resumeState = c.state;
                c.moveTo(DossierState.WITHDRAWAL_REQUESTED, action);
                publicNote = "Người nộp đề nghị dừng giải quyết, rút hồ sơ.";
            }
            case STOP -> {
                DossierState stage = c.state == DossierState.WITHDRAWAL_REQUESTED && c.resumeState != null ? c.resumeState : c.state;
                c.moveTo(DossierState.STOPPED, action);
                c.stoppedAt = now;
                c.stopClock(now);
                slips.stopNotice(c, stage, note, a, now);
                publicNote = "Đã dừng giải quyết hồ sơ theo đề nghị của người nộp (thông báo mẫu 05).";
            }
            default -> throw new IllegalStateException("unhandled " + action);
        }
        c.record(now, a.username(), from, action, publicNote, note);
    }

    /** The current step is done: the dossier goes to the next one (from RECEIVED, processing starts). */
    private void next(DossierCase c, DossierAction action, DossierCase.Actor a, @Nullable String assignee, @Nullable UnitView unit,
                      Instant now) {
        var s = Objects.requireNonNull(c.step());
        var following = c.plan.get(s.index() + 1);
        UUID unitId = unit != null ? unit.id() : null;
        String unitName = unit != null ? unit.name() : null;
        // the unit chosen at assignment carries to the specialist's and the unit head's steps of the same agency
        if (unitId == null && c.stepUnitId != null && following.unitId() == null && following.agencyId().equals(s.agencyId())
                && (following.role().equals(Role.SPECIALIST.name()) || following.role().equals(Role.UNIT_HEAD.name()))) {
            unitId = c.stepUnitId;
            unitName = c.stepUnitName;
        }
        c.handTo(following.index(), assignee, unitId, unitName, a, action.name(), now, clock);
        moveOn(c, action);
    }

    private static void moveOn(DossierCase c, DossierAction action) {
        c.moveTo(DossierState.IN_PROCESSING, action);
    }

    private void reassign(DossierCase c, @Nullable String assignee, @Nullable UnitView unit, DossierCase.Actor a, Instant now) {
        var s = Objects.requireNonNull(c.step());
        String before = Objects.requireNonNullElse(c.stepAssignee, "");
        String beforeUnit = Objects.requireNonNullElse(c.stepUnitName, "");
        if (Objects.equals(assignee, c.stepAssignee) && (unit == null || unit.id().equals(c.stepUnitId))) {
            // nothing would change: a second click, or a bulk assignment racing a single one, writes no hand-over
            throw DossierProblem.refused("dossier.already-assigned", "Hồ sơ " + c.code() + " đã giao cho "
                    + (assignee == null ? "đơn vị này" : assignee) + " ở bước \"" + s.name() + "\": không giao lại cho cùng người.");
        }
        c.stepAssignee = assignee;
        if (unit != null) {
            c.stepUnitId = unit.id();
            c.setUnitName(unit.name());
        }
        c.newHandovers.add(new Progress.Handover(now, DossierAction.ASSIGN.name(), s.name(), s.agencyId(), s.agencyName(), beforeUnit,
                before, s.agencyId(), s.agencyName(), Objects.requireNonNullElse(c.stepUnitName, ""),
                Objects.requireNonNullElse(assignee, ""), c.stepStartedAt, c.stepDueAt, true, 0));
    }

    // --- checks ----------------------------------------------------------------------------------------------------

    private static boolean inScope(AccessScope scope, DossierCase c, Progress.@Nullable Consultation k) {
        var s = c.step();
        return scope.covers(c.dossier.receivingAgency().id()) || scope.covers(c.dossier.handlingAgency().id())
                || (s != null && scope.covers(s.agencyId())) || (k != null && scope.covers(k.agencyId()));
    }

    private static boolean answers(DossierCase.Actor a, Progress.Consultation k) {
        for (Role r : List.of(Role.SPECIALIST, Role.UNIT_HEAD, Role.ASSIGNER, Role.SIGNER)) {
            if (a.holds(r, k.agencyId(), k.unitId())) {
                return true;
            }
        }
        return false;
    }

    /** The fields an action needs, and the values it cannot take: 400 with one entry per field. */
    private void check(DossierAction action, ActionRequest r, DossierCase c) {
        var problems = new ArrayList<InvalidParam>();
        for (String field : action.needs()) {
            if (missingField(field, r, action)) {
                problems.add(new InvalidParam(field, DossierWords.action(action) + " (" + action + ") cần " + fieldWords(field) + " (" + field + ")."));
            }
        }
        if (r.note() != null && r.note().length() > MAX_TEXT) {
            problems.add(new InvalidParam("note", "Ghi chú dài quá " + MAX_TEXT + " ký tự."));
        }
        boolean wordsNeeded = switch (action) {
            case REFUSE, RETURN_STEP, PROPOSE_REFUSAL, APOLOGIZE_AND_EXTEND, REQUEST_STOP, STOP, CONSULT, CONSULTATION_ANSWERED,
                 REQUEST_SUPPLEMENT -> true;
            default -> false;
        };
        // only a note of bounded length is searched: the pattern's cost grows with the square of a run without spaces
        if (wordsNeeded && r.note() != null && r.note().length() <= MAX_TEXT && !r.note().isBlank() && !vn.motcua.dossier.slip.Reasons.inWords(r.note())) {
            problems.add(new InvalidParam("note", "Ghi rõ lý do, nội dung bằng lời (không phải mã lỗi)."));
        }
        if (r.days() != null && (r.days() < 1 || r.days() > MAX_DAYS)) {
            problems.add(new InvalidParam("days", "Từ 1 đến " + MAX_DAYS + " ngày làm việc."));
        }
        if (action == DossierAction.REQUEST_PAYMENT && r.amount() != null && r.amount() <= 0) {
            problems.add(new InvalidParam("amount", "Số tiền phải lớn hơn 0."));
        }
        if (action == DossierAction.PAUSE && r.reason() != null && !c.policy.pauseReasons().contains(r.reason().strip())) {
            problems.add(new InvalidParam("reason", "Lý do tạm dừng phải là một trong: " + String.join(", ", c.policy.pauseReasons()) + "."));
        }
        if (action == DossierAction.APOLOGIZE_AND_EXTEND && r.newDueAt() != null && c.dueAt != null) {
            if (!r.newDueAt().isAfter(c.dueAt)) {
                problems.add(new InvalidParam("newDueAt", "Ngày hẹn mới phải sau ngày hẹn hiện tại (" + DossierWords.dateTime(c.dueAt) + ")."));
            } else if (r.newDueAt().isAfter(c.dueAt.plus(java.time.Duration.ofDays(MAX_EXTENSION_DAYS)))) {
                // decision: the law sets no ceiling; a year past the appointment is taken as the end of what is plausible
                problems.add(new InvalidParam("newDueAt", "Ngày hẹn mới không quá " + MAX_EXTENSION_DAYS + " ngày sau ngày hẹn hiện tại ("
                        + DossierWords.dateTime(c.dueAt) + ")."));
            } else if (!clock.onWorkingDay(r.newDueAt())) {
                problems.add(new InvalidParam("newDueAt", "Ngày hẹn mới phải là ngày làm việc (không phải ngày nghỉ, ngày lễ)."));
            }
        }
        if (action == DossierAction.ISSUE_RESULT) {
            if (r.resultNumber() != null && r.resultNumber().strip().length() > 100) {
                problems.add(new InvalidParam("resultNumber", "Số, ký hiệu không quá 100 ký tự."));
            }
            if (r.resultDate() != null && r.resultDate().isAfter(LocalDate.ofInstant(time.instant(), VIETNAM))) {
                problems.add(new InvalidParam("resultDate", "Ngày ký kết quả không được sau hôm nay."));
            }
            // a result is signed while the dossier is handled, never before it was received (0001-01-01 is a typing slip)
            var received = c.dossier.receivedAt();
            if (r.resultDate() != null && received != null && r.resultDate().isBefore(LocalDate.ofInstant(received, VIETNAM))) {
                problems.add(new InvalidParam("resultDate", "Ngày ký kết quả không được trước ngày tiếp nhận hồ sơ ("
                        + DossierWords.date(LocalDate.ofInstant(received, VIETNAM)) + ")."));
            }
        }
        if (action == DossierAction.RETURN_RESULT && r.receivedBy() != null && r.receivedBy().strip().length() > 200) {
            problems.add(new InvalidParam("receivedBy", "Tên người nhận không quá 200 ký tự."));
        }
        if (!problems.isEmpty()) {
            throw DossierProblem.badAction(problems);
        }
    }

    private static boolean missingField(String field, ActionRequest r, DossierAction action) {
        return switch (field) {
            case "note" -> r.note() == null || r.note().isBlank();
            case "assignee" -> (r.assignee() == null || r.assignee().isBlank()) && r.unit() == null;
            case "agency" -> r.agency() == null || r.agency().isBlank();
            case "days" -> r.days() == null;
            case "missing" -> (r.missing() == null || r.missing().isEmpty()) && action != DossierAction.REQUEST_SUPPLEMENT;
            case "consultationId" -> r.consultationId() == null;
            case "amount" -> r.amount() == null;
            case "reason" -> r.reason() == null || r.reason().isBlank();
            case "newDueAt" -> r.newDueAt() == null;
            case "resultNumber" -> r.resultNumber() == null || r.resultNumber().isBlank();
            case "resultDate" -> r.resultDate() == null;
            case "delivery" -> r.delivery() == null;
            case "receivedBy" -> r.receivedBy() == null || r.receivedBy().isBlank();
            default -> false;
        };
    }

    /** Everything missing, each with its reason in words (Form 02). */
    /**
     * Everything missing, each with its reason in words (Form 02). A requirement given as the number of an item of the
     * dossier's checklist (as the desk gives it at intake) is named by that item.
     */
    private static List<Dossier.MissingItem> missingItems(@Nullable List<Intake.Missing> in, List<Dossier.Document> checklist) {
        if (in == null) {
            return missingItems(null);
        }
        var named = new ArrayList<Intake.Missing>();
        for (var m : in) {
            String what = m == null || m.requirement() == null ? "" : m.requirement().strip();
            var item = what.matches("\\d{1,3}") ? checklist.stream().filter(d -> d.number() == Integer.parseInt(what)).findFirst() : java.util.Optional.<Dossier.Document>empty();
            named.add(item.isPresent() ? new Intake.Missing(item.get().name(), m.reason()) : m);
        }
        return missingItems(named);
    }

    private static List<Dossier.MissingItem> missingItems(@Nullable List<Intake.Missing> in) {
        var out = new ArrayList<Dossier.MissingItem>();
        var problems = new ArrayList<InvalidParam>();
        if (in == null || in.isEmpty()) {
            problems.add(new InvalidParam("missing", "Yêu cầu bổ sung phải nêu đầy đủ, một lần, các giấy tờ cần bổ sung và lý do."));
        } else {
            for (int i = 0; i < in.size(); i++) {
                var m = in.get(i);
                String what = m == null || m.requirement() == null ? "" : m.requirement().strip();
                String why = m == null || m.reason() == null ? "" : m.reason().strip();
                // a checklist item's name (given by its number) can be long: the national catalog's run to 600 characters
                if (what.isEmpty() || what.length() > MAX_TEXT) {
                    problems.add(new InvalidParam("missing[" + i + "]", "Ghi rõ giấy tờ cần bổ sung: số thứ tự trong thành phần hồ sơ, "
                            + "hoặc tên giấy tờ (đến " + MAX_TEXT + " ký tự)."));
                } else if (why.length() > MAX_TEXT || !vn.motcua.dossier.slip.Reasons.inWords(why)) {
                    problems.add(new InvalidParam("missing[" + i + "]", "Ghi lý do cần bổ sung bằng lời (đến " + MAX_TEXT + " ký tự)."));
                } else {
                    out.add(new Dossier.MissingItem(what, why));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw DossierProblem.badAction(problems);
        }
        return out;
    }

    private AgencyView agency(@Nullable String ref) {
        String value = Objects.requireNonNull(ref).strip();
        return organisation.find(value).filter(a -> a.activeOn(LocalDate.now(time.withZone(VIETNAM))))
                .orElseThrow(() -> DossierProblem.badAction(List.of(new InvalidParam("agency", "Không có cơ quan " + value + " đang hoạt động."))));
    }

    private UnitView unitOf(UUID agencyId, UUID unitId) {
        return organisation.units(agencyId).stream().filter(u -> u.id().equals(unitId) && u.active()).findFirst()
                .orElseThrow(() -> DossierProblem.badAction(List.of(new InvalidParam("unit", "Đơn vị không thuộc cơ quan giải quyết bước này."))));
    }

    /** The assignee must hold the role of the step they are given, in its agency (and unit). */
    private @Nullable String assignee(@Nullable String username, Role role, UUID agencyId, @Nullable UUID unitId) {
        if (username == null || username.isBlank()) {
            return null;
        }
        var person = organisation.staff(username.strip()).filter(StaffView::active)
                .orElseThrow(() -> DossierProblem.badAction(List.of(new InvalidParam("assignee", "Không có cán bộ " + username.strip() + "."))));
        if (!DossierCase.Actor.of(person).holds(role, agencyId, unitId)) {
            throw DossierProblem.badAction(List.of(new InvalidParam("assignee", person.fullName() + " không có vai trò " + role
                    + " tại cơ quan, đơn vị giải quyết bước này.")));
        }
        return person.username();
    }

    private static Role transferRole(@Nullable String role) {
        if (role == null || role.isBlank()) {
            return Role.SPECIALIST;
        }
        try {
            Role r = Role.valueOf(role.strip());
            if (r == Role.SPECIALIST || r == Role.ASSIGNER || r == Role.UNIT_HEAD || r == Role.SIGNER) {
                return r;
            }
        } catch (IllegalArgumentException unknown) {
            // refused below
        }
        throw DossierProblem.badAction(List.of(new InvalidParam("role", "Vai trò ở cơ quan liên thông: SPECIALIST, ASSIGNER, UNIT_HEAD hoặc SIGNER.")));
    }

    /** What a request field is, in words, for the message naming a missing one. */
    static String fieldWords(String field) {
        return switch (field) {
            case "agency" -> "cơ quan";
            case "amount" -> "số tiền";
            case "assignee" -> "người được giao";
            case "consultationId" -> "ý kiến được hỏi";
            case "days" -> "số ngày làm việc";
            case "delivery" -> "hình thức trả kết quả";
            case "missing" -> "giấy tờ cần bổ sung";
            case "newDueAt" -> "ngày hẹn trả mới";
            case "note" -> "nội dung, lý do";
            case "reason" -> "lý do";
            case "receivedBy" -> "người nhận kết quả";
            case "resultDate" -> "ngày của văn bản kết quả";
            case "resultNumber" -> "số văn bản kết quả";
            case "role" -> "vai trò";
            case "signedFileId" -> "tệp kết quả đã ký";
            case "unit" -> "đơn vị";
            default -> field;
        };
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s.strip();
    }

    // --- events -----------------------------------------------------------------------------------------------------

    private static DossierEvent.Moved event(DossierCase c, DossierAction action, DossierCase.Actor a, ActionRequest r, Instant now) {
        var d = c.dossier;
        var h = c.newHistory.getLast();
        return new DossierEvent.Moved(d.code(), d.channel(), d.procedure().code(), d.receivingAgency().id(), d.receivingAgency().electronicId(),
                d.handlingAgency().id(), d.handlingAgency().electronicId(), c.state.nationalCode(), now, DossierEvent.Contact.of(d.applicant()),
                action, Objects.requireNonNull(h.from()), c.state, h.from().nationalCode(), a.username(), c.eventStep(), c.handedOver,
                c.clockSnapshot(now), c.result == null ? null : c.result.kind(), r.note(), h.publicNote());
    }

    private String hash(String code, ActionRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((code + "\n" + json.writeValueAsString(request)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
