package vn.motcua.dossier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import vn.motcua.IntegrationTest;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.dossier.slip.SlipContent;
import vn.motcua.dossier.slip.Slips;
import vn.motcua.organization.AgencyDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Processing through the service layer, as the bench and the pages call it, with time as an input where a rule needs
 * days to pass ({@code actAt}): the supplement during processing and its clock, the window, the extension, and a
 * liên thông step at a commune whose lateness is attributed to the commune. Expected times come from the calendar
 * module's own arithmetic (whole working days in the default office hours), not from the dossier module.
 */
@RecordApplicationEvents
class ProcessingFlowTests extends IntegrationTest {

    static final String RECORD = DossierIntakeApiTests.RECORD;

    @Autowired
    DossierIntake intake;
    @Autowired
    DossierProcessing processing;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    ProcedureCatalog catalog;
    @Autowired
    AgencyDirectory agencies;
    @Autowired
    Slips slips;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    @Test
    void aSupplementDuringProcessingStopsTheClockAndTheDueTimeStartsAgainWhenTheDocumentsComeBack() throws Exception {
        String code = receivedAndAssigned("Trương Văn Sơn");
        Dossier before = asUser("cv.stp", () -> processing.get(code));
        // one item named in words, one by its number in the dossier's checklist (as the desk's form gives it)
        var missing = List.of(new Intake.Missing("Bản sao giấy tờ chứng minh nơi cư trú", "Hồ sơ chưa có giấy tờ này"),
                new Intake.Missing("1", "Bản đã nộp bị mờ, không đọc được"));
        String first = before.documents().stream().filter(doc -> doc.number() == 1).findFirst().orElseThrow().name();
        Dossier asked = asUser("cv.stp", () -> processing.act(code, ActionRequest.of(DossierAction.REQUEST_SUPPLEMENT, before.version())
                .withMissing(missing).withNote("Hồ sơ chưa đủ giấy tờ về nơi cư trú")));
        assertThat(asked.state()).isEqualTo(DossierState.AWAITING_SUPPLEMENT);
        assertThat(asked.nationalStatus()).isEqualTo(5);
        Instant requested = asked.progress().supplementRequestedAt();
        SlipContent form02 = asUser("cv.stp", () -> processing.slip(code, "02"));
        assertThat(form02.body()).isInstanceOfSatisfying(SlipContent.SupplementRequest.class,
                s -> assertThat(s.missing()).extracting(SlipContent.MissingItem::what)
                        .containsExactly("Bản sao giấy tờ chứng minh nơi cư trú", first));
        write("form-02-processing", form02);

        UUID department = before.handlingAgency().id();
        // the documents come back two working days later
        Instant back = instant(calendar.due(local(requested), 2, DurationUnit.WORKING_DAY, department).due());
        Dossier resumed = asUser("tn.ttpvhcc", () -> processing.actAt(code, ActionRequest.of(DossierAction.SUPPLEMENT_RECEIVED, null), null, back)
                .dossier());
        assertThat(resumed.state()).isEqualTo(DossierState.IN_PROCESSING);
        var time = before.processingTime();
        Instant restarted = instant(calendar.due(local(back), time.amount(), DurationUnit.valueOf(time.unit()), department).due());
        assertThat(resumed.dueAt()).as("Decree 61 Art. 19: the full time again").isEqualTo(restarted);
        assertThat(resumed.originalDueAt()).isEqualTo(restarted);
        // the national index shifts by the two days waited: the same working moment as the old due time + 2 working days
        // (a due time at the opening of a day is the same working moment as the close of the day before)
        Instant shifted = instant(calendar.due(local(before.dueAt()), 2, DurationUnit.WORKING_DAY, department).due());
        Instant index = resumed.progress().indexDueAt();
        assertThat(calendar.workingMinutesBetween(local(index), local(shifted), department)
                + calendar.workingMinutesBetween(local(shifted), local(index), department)).isZero();
        assertThat(java.time.Duration.between(index, shifted).abs()).isLessThanOrEqualTo(java.time.Duration.ofHours(15));
        assertThat(resumed.progress().waitedMinutes()).isEqualTo(2 * 450);

        assertThatThrownBy(() -> asUser("cv.stp", () -> processing.actAt(code, ActionRequest.of(DossierAction.REQUEST_SUPPLEMENT, null)
                .withMissing(missing).withNote("Thiếu thêm giấy tờ khác"), null, back)))
                .isInstanceOfSatisfying(DossierProblem.class, p -> assertThat(p.code()).isEqualTo("dossier.supplement-once"));
        var moved = events.stream(DossierEvent.Moved.class).filter(e -> e.code().equals(code)).toList();
        assertThat(moved).extracting(DossierEvent.Moved::move).containsExactly(DossierAction.ASSIGN, DossierAction.REQUEST_SUPPLEMENT,
                DossierAction.SUPPLEMENT_RECEIVED);
        var last = moved.getLast();
        assertThat(last.clock().supplementRequestedAt()).isEqualTo(requested);
        assertThat(last.clock().supplementReceivedAt()).isEqualTo(back.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(last.clock().indexDueAt()).isEqualTo(resumed.progress().indexDueAt());
        assertThat(last.contact().name()).isEqualTo("Trương Văn Sơn");
    }

    @Test
    void aSupplementOutsideTheWindowAfterReceiptIsRefused() {
        String code = receivedAndAssigned("Lý Thị Hoa");
        Dossier d = asUser("cv.stp", () -> processing.get(code));
        // Decree 61/2018 Art. 19(2): within 3 working days of receipt; four days later it is too late
        Instant late = instant(calendar.due(local(d.progress().clockStart()), 4, DurationUnit.WORKING_DAY, d.handlingAgency().id()).due());
        assertThatThrownBy(() -> asUser("cv.stp", () -> processing.actAt(code, ActionRequest.of(DossierAction.REQUEST_SUPPLEMENT, null)
                .withMissing(List.of(new Intake.Missing("Tờ khai", "Tờ khai chưa ký tên"))).withNote("Hồ sơ chưa hợp lệ"), null, late)))
                .isInstanceOfSatisfying(DossierProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("dossier.supplement-window-closed");
                    assertThat(p.status().value()).isEqualTo(409);
                });
        assertThat(asUser("cv.stp", () -> processing.get(code)).state()).isEqualTo(DossierState.IN_PROCESSING);
    }

    @Test
    void aNewAppointmentIsAWorkingDayWithinAYearOfTheCurrentOne() {
        String code = receivedAndAssigned("Mai Văn Hẹn");
        Dossier d = asUser("cv.stp", () -> processing.get(code));
        Instant farAway = Instant.parse("9999-12-31T23:59:59Z");
        Instant sunday = nextSunday(d.dueAt());
        for (Instant wrong : List.of(farAway, d.dueAt().plus(java.time.Duration.ofDays(366)), sunday)) {
            assertThatThrownBy(() -> asUser("cv.stp", () -> processing.act(code, ActionRequest.of(DossierAction.APOLOGIZE_AND_EXTEND, null)
                    .withNote("Cần xác minh lý lịch tại địa phương khác").withNewDueAt(wrong))))
                    .as(wrong.toString())
                    .isInstanceOfSatisfying(DossierProblem.class, p -> assertThat(p.invalidParams()).extracting(vn.motcua.platform.DomainProblem.InvalidParam::name)
                            .containsExactly("newDueAt"));
        }
        assertThat(asUser("cv.stp", () -> processing.get(code)).extended()).as("nothing written").isFalse();
    }

    private static Instant nextSunday(Instant after) {
        var t = local(after).plusDays(1);
        while (t.getDayOfWeek() != java.time.DayOfWeek.SUNDAY) {
            t = t.plusDays(1);
        }
        return instant(t.withHour(9).withMinute(0));
    }

    @Test
    void anExtensionMovesTheAppointmentOnceAndTheOriginalDueTimeStaysForTheStatistics() throws Exception {
        String code = receivedAndAssigned("Mai Văn Tùng");
        Dossier d = asUser("cv.stp", () -> processing.get(code));
        Instant original = d.dueAt();
        Instant newDue = instant(calendar.due(local(original), 3, DurationUnit.WORKING_DAY, d.handlingAgency().id()).due());
        Dossier extended = asUser("cv.stp", () -> processing.act(code, ActionRequest.of(DossierAction.APOLOGIZE_AND_EXTEND, d.version())
                .withNote("Cần xác minh lý lịch tại địa phương khác").withNewDueAt(newDue)));
        assertThat(extended.extended()).isTrue();
        assertThat(extended.dueAt()).isEqualTo(newDue);
        assertThat(extended.originalDueAt()).isEqualTo(original);
        SlipContent form04 = asUser("cv.stp", () -> processing.slip(code, "04"));
        assertThat(form04.body()).isInstanceOfSatisfying(SlipContent.Apology.class, a -> {
            assertThat(a.originalDueAt()).isEqualTo(original);
            assertThat(a.newDueAt()).isEqualTo(newDue);
            assertThat(a.reason()).isEqualTo("Cần xác minh lý lịch tại địa phương khác");
        });
        write("form-04", form04);
        assertThatThrownBy(() -> asUser("cv.stp", () -> processing.act(code, ActionRequest.of(DossierAction.APOLOGIZE_AND_EXTEND, null)
                .withNote("Lại cần thêm thời gian").withNewDueAt(newDue.plusSeconds(86_400)))))
                .isInstanceOfSatisfying(DossierProblem.class, p -> assertThat(p.code()).isEqualTo("dossier.already-extended"));

        // the result is ready after the original due time but before the new one: still late for the statistics
        Instant afterOriginal = instant(calendar.due(local(original), 1, DurationUnit.WORKING_DAY, d.handlingAgency().id()).due());
        asUser("cv.stp", () -> processing.actAt(code, ActionRequest.of(DossierAction.COMPLETE_STEP, null), null, afterOriginal));
        asUser("tp.stp", () -> processing.actAt(code, ActionRequest.of(DossierAction.COMPLETE_STEP, null), null, afterOriginal));
        asUser("gd.stp", () -> processing.actAt(code, ActionRequest.of(DossierAction.APPROVE, null), null, afterOriginal));
        asUser("vt.stp", () -> processing.actAt(code, ActionRequest.of(DossierAction.ISSUE_RESULT, null)
                .withResult("88/PLLTP", LocalDate.now(DossierWords.VIETNAM), null), null, afterOriginal));
        var issued = events.stream(DossierEvent.Moved.class).filter(e -> e.code().equals(code) && e.move() == DossierAction.ISSUE_RESULT)
                .findFirst().orElseThrow();
        assertThat(issued.clock().overdue()).as("an extension never makes a late dossier on time").isTrue();
        assertThat(issued.clock().early()).isFalse();
        assertThat(issued.clock().extended()).isTrue();
        assertThat(issued.clock().originalDueAt()).isEqualTo(original);
    }

    @Test
    void aStepAtAnotherAgencyIsActedOnByItsStaffAndItsLatenessIsItsOwn() throws Exception {
        String code = receivedAndAssigned("Đinh Văn Quang");
        // the commune's specialist cannot touch the Department's dossier before it is transferred
        assertThatThrownBy(() -> asUser("cv.xuanhuong", () -> processing.act(code, ActionRequest.of(DossierAction.COMPLETE_STEP, null))))
                .isInstanceOfSatisfying(DossierProblem.class, p -> assertThat(p.code()).isEqualTo("dossier.outside-scope"));
        UUID commune = agencies.findByElectronicId("H36.201").orElseThrow().id();
        assertThatThrownBy(() -> asUser("cv.stp", () -> processing.act(code, ActionRequest.of(DossierAction.TRANSFER, null)
                .withAgency("H36.201", 60).withNote("Đề nghị xác minh nơi cư trú"))))
                .as("60 working days at the commune would end after the dossier's appointment (10 days)")
                .isInstanceOfSatisfying(DossierProblem.class, p -> assertThat(p.invalidParams().toString()).contains("days"));
        Dossier transferred = asUser("cv.stp", () -> processing.act(code, ActionRequest.of(DossierAction.TRANSFER, null)
                .withAgency("H36.201", 1).withNote("Đề nghị xác minh nơi cư trú")));
        var step = transferred.currentSteps().getFirst();
        assertThat(step.agencyId()).isEqualTo(commune);
        assertThat(step.role()).isEqualTo("SPECIALIST");
        // the Department's specialist no longer holds it
        assertThatThrownBy(() -> asUser("cv.stp", () -> processing.act(code, ActionRequest.of(DossierAction.COMPLETE_STEP, null))))
                .isInstanceOfSatisfying(DossierProblem.class, p -> assertThat(p.code()).isEqualTo("dossier.not-your-step"));

        // the commune answers two working days after its one-day budget ended: 2 × 450 working minutes late
        Instant late = instant(calendar.due(local(step.dueAt()), 2, DurationUnit.WORKING_DAY, commune).due());
        Dossier back = asUser("cv.xuanhuong", () -> processing.actAt(code, ActionRequest.of(DossierAction.COMPLETE_STEP, null)
                .withNote("Đã xác minh, đúng nơi cư trú"), null, late).dossier());
        assertThat(back.currentSteps().getFirst().role()).isEqualTo("UNIT_HEAD");
        assertThat(back.currentSteps().getFirst().agency()).isEqualTo("H36.10");

        var full = asUser("tp.stp", () -> processing.get(code));
        var handovers = full.progress().handovers();
        var fromCommune = handovers.stream().filter(h -> commune.equals(h.fromAgencyId())).toList();
        assertThat(fromCommune).hasSize(1);
        assertThat(fromCommune.getFirst().onTime()).isFalse();
        assertThat(fromCommune.getFirst().lateMinutes()).isEqualTo(900);
        assertThat(handovers.stream().filter(h -> !commune.equals(h.fromAgencyId()))).as("the Department kept its budgets")
                .allSatisfy(h -> assertThat(h.onTime()).isTrue());
        var moved = events.stream(DossierEvent.Moved.class).filter(e -> e.code().equals(code) && e.actor().equals("cv.xuanhuong"))
                .findFirst().orElseThrow();
        assertThat(moved.handedOver().agency()).isEqualTo("H36.201");
        assertThat(moved.handedOver().onTime()).isFalse();
        assertThat(moved.handedOver().lateMinutes()).isEqualTo(900);
        assertThat(moved.step().agency()).isEqualTo("H36.10");
        SlipContent form06 = asUser("tp.stp", () -> processing.slip(code, "06"));
        write("form-06", form06);
        var rows = ((SlipContent.ProcessControl) form06.body()).rows();
        assertThat(rows).extracting(SlipContent.ControlRow::result).contains("Quá hạn");
    }

    @Test
    void consultationsRunInParallelEachWithItsSubDeadlineAndTheStepWaitsForTheirAnswers() {
        String code = receivedAndAssigned("Tạ Văn Long");
        Dossier asked = asUser("cv.stp", () -> processing.act(code, ActionRequest.of(DossierAction.CONSULT, null)
                .withAgency("H36.201", 2).withNote("Đề nghị cho ý kiến về nơi cư trú của người nộp")));
        asked = asUser("cv.stp", () -> processing.act(code, ActionRequest.of(DossierAction.CONSULT, null)
                .withAgency("H36.202", 3).withNote("Đề nghị cho ý kiến về nơi cư trú trước đây")));
        assertThatThrownBy(() -> asUser("cv.stp", () -> processing.act(code, ActionRequest.of(DossierAction.CONSULT, null)
                .withAgency("H36.201", 2).withNote("Đề nghị cho ý kiến lần nữa"))))
                .as("a second question to an agency that has not answered the first")
                .isInstanceOfSatisfying(DossierProblem.class, p -> assertThat(p.code()).isEqualTo("dossier.consultation-open-there"));
        assertThatThrownBy(() -> asUser("cv.stp", () -> processing.act(code, ActionRequest.of(DossierAction.CONSULT, null)
                .withAgency("H36.10", 2).withNote("Đề nghị cho ý kiến chính mình"))))
                .as("the agency handling it is not consulted")
                .isInstanceOfSatisfying(DossierProblem.class, p -> assertThat(p.invalidParams().toString()).contains("agency"));
        var full = asUser("cv.stp", () -> processing.get(code));
        var consultations = full.progress().consultations();
        assertThat(consultations).hasSize(2);
        assertThat(full.currentSteps()).hasSize(3).extracting(Progress.CurrentStep::agency).contains("H36.10");
        var first = consultations.stream().filter(k -> k.agency().contains("Xuân Hương")).findFirst().orElseThrow();
        Instant twoDays = instant(calendar.due(local(first.askedAt()), 2, DurationUnit.WORKING_DAY, first.agencyId()).due());
        assertThat(first.dueAt()).isEqualTo(twoDays);
        assertThatThrownBy(() -> asUser("cv.stp", () -> processing.act(code, ActionRequest.of(DossierAction.COMPLETE_STEP, null))))
                .isInstanceOfSatisfying(DossierProblem.class, p -> assertThat(p.code()).isEqualTo("dossier.consultations-open"));
        assertThat(asUser("cv.xuanhuong", () -> processing.actions(code))).extracting(DossierProcessing.AvailableAction::action)
                .containsExactly(DossierAction.CONSULTATION_ANSWERED);
        // the consulted ward finds the question in its own queue; a desk, which answers nothing, has no such queue
        assertThat(asUser("cv.xuanhuong", () -> processing.queue(WorkQueue.CONSULTATIONS, null, null, null, 0, 200)).items())
                .extracting(WorkQueues.QueueItem::code).contains(code);
        assertThat(asUser("tn.xuanhuong", () -> processing.queue(WorkQueue.CONSULTATIONS, null, null, null, 0, 200)).total()).isZero();
        assertThatThrownBy(() -> asUser("tn.lamvien", () -> processing.act(code, ActionRequest.of(DossierAction.CONSULTATION_ANSWERED, null)
                .withConsultation(first.id()).withNote("Không có ý kiến khác"))))
                .isInstanceOf(DossierProblem.class);
        asUser("cv.xuanhuong", () -> processing.act(code, ActionRequest.of(DossierAction.CONSULTATION_ANSWERED, null)
                .withConsultation(first.id()).withNote("Xác nhận người nộp cư trú tại phường")));
        assertThatThrownBy(() -> asUser("cv.xuanhuong", () -> processing.act(code, ActionRequest.of(DossierAction.CONSULTATION_ANSWERED, null)
                .withConsultation(first.id()).withNote("Trả lời lần hai"))))
                .isInstanceOfSatisfying(DossierProblem.class, p -> assertThat(p.code()).isEqualTo("dossier.consultation-answered"));
        var second = consultations.stream().filter(k -> !k.id().equals(first.id())).findFirst().orElseThrow();
        // nobody at the second commune holds a working role in the demo: the Department's specialist cannot answer for it
        assertThatThrownBy(() -> asUser("cv.stp", () -> processing.act(code, ActionRequest.of(DossierAction.CONSULTATION_ANSWERED, null)
                .withConsultation(second.id()).withNote("Trả lời thay"))))
                .isInstanceOfSatisfying(DossierProblem.class, p -> assertThat(p.code()).isEqualTo("dossier.not-your-step"));
        assertThat(asUser("cv.xuanhuong", () -> processing.queue(WorkQueue.CONSULTATIONS, null, null, null, 0, 200)).items())
                .as("answered: out of the queue").extracting(WorkQueues.QueueItem::code).doesNotContain(code);
        var after = asUser("cv.stp", () -> processing.get(code));
        assertThat(after.progress().openConsultations()).isEqualTo(1);
        assertThat(asUser("cv.xuanhuong", () -> processing.get(code)).code()).as("the consulted commune still reads what it answered")
                .isEqualTo(code);
        assertThat(asUser("cv.xuanhuong", () -> processing.actions(code))).as("but may do nothing more").isEmpty();
        assertThat(after.progress().consultations()).filteredOn(k -> k.id().equals(first.id()))
                .singleElement().satisfies(k -> {
                    assertThat(k.answer()).isEqualTo("Xác nhận người nộp cư trú tại phường");
                    assertThat(k.onTime()).isTrue();
                });
    }

    @Test
    void anOnlineDossierIsAcceptedThroughTheActionsAndStartsItsProcess() {
        var checklist = catalog.inForce(RECORD, LocalDate.now(DossierWords.VIETNAM)).record().documents();
        var documents = new ArrayList<Intake.DocumentIn>();
        for (int i = 1; i <= checklist.size(); i++) {
            documents.add(new Intake.DocumentIn(Integer.toString(i), 1, 0, null));
        }
        var applicant = new Applicant(Applicant.Type.CITIZEN, "Âu Thị Ngọc", DossierIntakeApiTests.idFor("Âu Thị Ngọc"), LocalDate.of(1990, 5, 17),
                "0913111333", null, null, null, null);
        var in = new Intake(RECORD, Channel.ONLINE, "H36.10", null, applicant, documents, null, null, null, null);
        String code = asUser("tn.ttpvhcc", () -> intake.receive(in, null).dossier().code());
        assertThat(asUser("tn.ttpvhcc", () -> processing.actions(code))).extracting(DossierProcessing.AvailableAction::action)
                .contains(DossierAction.ACCEPT, DossierAction.REQUEST_SUPPLEMENT, DossierAction.REFUSE);
        assertThatThrownBy(() -> asUser("pc.stp", () -> processing.act(code, ActionRequest.of(DossierAction.ACCEPT, null))))
                .isInstanceOfSatisfying(DossierProblem.class, p -> assertThat(p.code()).isEqualTo("dossier.not-your-step"));
        Dossier accepted = asUser("tn.ttpvhcc", () -> processing.act(code, ActionRequest.of(DossierAction.ACCEPT, null)));
        assertThat(accepted.state()).isEqualTo(DossierState.RECEIVED);
        assertThat(accepted.currentSteps()).singleElement().satisfies(s -> assertThat(s.role()).isEqualTo("ASSIGNER"));
        assertThat(accepted.progress().processRef()).startsWith("Quy trình mặc định");
    }

    @Test
    void aRefusalOnTheMeritsGoesUpForSignatureAndEndsWithARefusalResultAndItsReason() {
        String code = receivedAndAssigned("Phí Văn Hậu");
        asUser("cv.stp", () -> processing.act(code, ActionRequest.of(DossierAction.PROPOSE_REFUSAL, null)
                .withNote("Người nộp không thuộc đối tượng được cấp phiếu theo yêu cầu")));
        // the unit head sends it back once, with the reason: it returns to the specialist who proposed it
        Dossier back = asUser("tp.stp", () -> processing.act(code, ActionRequest.of(DossierAction.RETURN_STEP, null)
                .withNote("Bổ sung căn cứ pháp lý của đề xuất")));
        assertThat(back.currentSteps().getFirst().role()).isEqualTo("SPECIALIST");
        assertThat(back.currentSteps().getFirst().assignee()).isEqualTo("cv.stp");
        asUser("cv.stp", () -> processing.act(code, ActionRequest.of(DossierAction.PROPOSE_REFUSAL, null)
                .withNote("Người nộp không thuộc đối tượng theo Điều 45 Luật Lý lịch tư pháp")));
        asUser("tp.stp", () -> processing.act(code, ActionRequest.of(DossierAction.COMPLETE_STEP, null)));
        asUser("gd.stp", () -> processing.act(code, ActionRequest.of(DossierAction.APPROVE, null)));
        Dossier ready = asUser("vt.stp", () -> processing.act(code, ActionRequest.of(DossierAction.ISSUE_RESULT, null)
                .withResult("12/STP-TL", LocalDate.now(DossierWords.VIETNAM), null)));
        assertThat(ready.state()).isEqualTo(DossierState.RESULT_READY);
        assertThat(ready.progress().result().kind()).isEqualTo(Progress.Result.Kind.REFUSAL);
        assertThat(ready.progress().result().reason()).isEqualTo("Người nộp không thuộc đối tượng theo Điều 45 Luật Lý lịch tư pháp");
        Dossier returned = asUser("tn.ttpvhcc", () -> processing.act(code, ActionRequest.of(DossierAction.RETURN_RESULT, null)
                .withDelivery(ActionRequest.Delivery.POST, "Phí Văn Hậu")));
        assertThat(returned.state()).isEqualTo(DossierState.RETURNED);
        var moved = events.stream(DossierEvent.Moved.class).filter(e -> e.code().equals(code) && e.move() == DossierAction.ISSUE_RESULT)
                .findFirst().orElseThrow();
        assertThat(moved.resultKind()).isEqualTo(Progress.Result.Kind.REFUSAL);
        assertThat(moved.nationalStatus()).isEqualTo(9);
        // the commune that never held it does not see it; the desk that received it does
        assertThatThrownBy(() -> asUser("cv.xuanhuong", () -> processing.get(code))).isInstanceOf(DossierProblem.class);
    }

    @Test
    void aRefusalProposedAndSentBackIsWithdrawnSoTheDossierThenApprovedIsGranted() {
        String code = receivedAndAssigned("Phí Thị Lành");
        asUser("cv.stp", () -> processing.act(code, ActionRequest.of(DossierAction.PROPOSE_REFUSAL, null)
                .withNote("Không thuộc đối tượng được cấp")));
        asUser("tp.stp", () -> processing.act(code, ActionRequest.of(DossierAction.RETURN_STEP, null).withNote("Đề nghị xem lại căn cứ")));
        asUser("cv.stp", () -> processing.act(code, ActionRequest.of(DossierAction.COMPLETE_STEP, null).withNote("Đã xem lại, đủ điều kiện cấp")));
        asUser("tp.stp", () -> processing.act(code, ActionRequest.of(DossierAction.COMPLETE_STEP, null)));
        asUser("gd.stp", () -> processing.act(code, ActionRequest.of(DossierAction.APPROVE, null)));
        Dossier ready = asUser("vt.stp", () -> processing.act(code, ActionRequest.of(DossierAction.ISSUE_RESULT, null)
                .withResult("13/STP-LLTP", LocalDate.now(DossierWords.VIETNAM), null)));
        assertThat(ready.progress().result().kind()).isEqualTo(Progress.Result.Kind.GRANT);
        assertThat(ready.progress().result().reason()).isNull();
    }

    @Test
    void theAgencyCannotStopADossierTheApplicantDidNotAskToStop() {
        String code = receivedAndAssigned("Phí Văn Dừng");
        assertThatThrownBy(() -> asUser("tn.ttpvhcc", () -> processing.act(code, ActionRequest.of(DossierAction.STOP, null)
                .withNote("Một cửa dừng hồ sơ"))))
                .isInstanceOfSatisfying(DossierProblem.class, p -> assertThat(p.code()).isEqualTo("dossier.illegal-move"));
        assertThat(asUser("tn.ttpvhcc", () -> processing.actions(code))).extracting(DossierProcessing.AvailableAction::action)
                .contains(DossierAction.REQUEST_STOP).doesNotContain(DossierAction.STOP);
    }

    /**
     * An approved internal process drives the steps: its receipt step is the intake itself, a step whose unit names a
     * commune's electronic ID belongs to that commune, a process without a clerk gets the issue step, and the return
     * is at the receiving desk. Approved for the Department of Home Affairs only (H36.14), so other dossiers of the
     * procedure keep the default process.
     */
    @Test
    void theInternalProcessInForceAtReceiptGivesTheSteps(@Autowired vn.motcua.catalog.InternalProcesses processes) {
        UUID home = agencies.findByElectronicId("H36.14").orElseThrow().id();
        LocalDate today = LocalDate.now(DossierWords.VIETNAM);
        var steps = List.of(
                new vn.motcua.catalog.ProcessStep("Tiếp nhận hồ sơ", "DESK_OFFICER", null, 2, DurationUnit.WORKING_HOUR, "01", false, false, null),
                new vn.motcua.catalog.ProcessStep("Thẩm định", "SPECIALIST", null, 1, DurationUnit.WORKING_DAY, null, true, true, null),
                new vn.motcua.catalog.ProcessStep("Xác minh nơi cư trú", "SPECIALIST", "H36.201 / Phòng Văn hóa - Xã hội", 1,
                        DurationUnit.WORKING_DAY, null, false, false, null),
                new vn.motcua.catalog.ProcessStep("Ký duyệt", "SIGNER", null, 2, DurationUnit.WORKING_HOUR, null, false, false, null),
                new vn.motcua.catalog.ProcessStep("Trả kết quả", "DESK_OFFICER", null, 1, DurationUnit.WORKING_HOUR, "07", false, false, null));
        asUser("admin", () -> processes.approve(RECORD, home, "99/QĐ-UBND", today, today, steps));

        var checklist = catalog.inForce(RECORD, today).record().documents();
        var documents = new ArrayList<Intake.DocumentIn>();
        for (int i = 1; i <= checklist.size(); i++) {
            documents.add(new Intake.DocumentIn(Integer.toString(i), 1, 0, null));
        }
        var applicant = new Applicant(Applicant.Type.CITIZEN, "Quách Văn Vinh", DossierIntakeApiTests.idFor("Quách Văn Vinh"),
                LocalDate.of(1990, 5, 17), "0913111444", null, null, null, null);
        var in = new Intake(RECORD, Channel.DIRECT, "H36.14", null, applicant, documents, null, Intake.Outcome.RECEIVE, null, null);
        String code = asUser("tn.ttpvhcc", () -> intake.receive(in, null).dossier().code());
        Dossier d = asUser("tn.ttpvhcc", () -> processing.get(code));
        assertThat(d.progress().processRef()).isEqualTo("99/QĐ-UBND, phiên bản 1");
        assertThat(d.progress().plan()).extracting(Progress.PlannedStep::name)
                .containsExactly("Thẩm định", "Xác minh nơi cư trú", "Ký duyệt", "Phát hành kết quả", "Trả kết quả");
        var commune = d.progress().plan().get(1);
        assertThat(commune.agency()).isEqualTo("H36.201");
        assertThat(commune.unit()).isEqualTo("Phòng Văn hóa - Xã hội");
        assertThat(commune.unitId()).isNotNull();
        assertThat(commune.interAgency()).isTrue();
        assertThat(d.progress().plan().getLast().agency()).isEqualTo("H36.50");
        var first = d.currentSteps().getFirst();
        assertThat(first.role()).isEqualTo("SPECIALIST");
        assertThat(first.agency()).isEqualTo("H36.14");
        // the step's own budget: one working day from receipt, in the Department's office hours
        Instant oneDay = instant(calendar.due(local(d.receivedAt()), 1, DurationUnit.WORKING_DAY, home).due());
        assertThat(first.dueAt()).isEqualTo(oneDay);
        var others = asUser("tn.ttpvhcc", () -> processing.get(receivedAndAssigned("Quách Thị Yến")));
        assertThat(others.progress().processRef()).startsWith("Quy trình mặc định");
    }

    @Test
    void aStopAtTheApplicantsRequestIssuesTheStopNotice() throws Exception {
        String code = receivedAndAssigned("Kiều Văn Bảo");
        Dossier asked = asUser("tn.ttpvhcc", () -> processing.act(code, ActionRequest.of(DossierAction.REQUEST_STOP, null)
                .withNote("Người nộp đề nghị rút hồ sơ để bổ sung thông tin")));
        assertThat(asked.state()).isEqualTo(DossierState.WITHDRAWAL_REQUESTED);
        assertThat(asked.nationalStatus()).isEqualTo(7);
        Dossier stopped = asUser("tn.ttpvhcc", () -> processing.act(code, ActionRequest.of(DossierAction.STOP, null)
                .withNote("Người nộp đề nghị rút hồ sơ để bổ sung thông tin")));
        assertThat(stopped.state()).isEqualTo(DossierState.STOPPED);
        assertThat(stopped.nationalStatus()).isEqualTo(8);
        SlipContent form05 = asUser("tn.ttpvhcc", () -> processing.slip(code, "05"));
        assertThat(form05.body()).isInstanceOfSatisfying(SlipContent.StopNotice.class,
                n -> assertThat(n.stage()).contains("Thẩm định hồ sơ"));
        write("form-05", form05);
    }

    @Test
    void aCommuneWithoutAssignerOrUnitHeadHandsTheDossierFromItsDeskToItsSpecialistThenToItsChairman() {
        // the demo ward H36.201 has a specialist, a chairman (SIGNER) and an office clerk, but no ASSIGNER and no UNIT_HEAD
        String code = receivedAtCommune("Lưu Thị Hoa");
        Dossier d = asUser("tn.xuanhuong", () -> processing.get(code));
        assertThat(d.progress().processRef()).isEqualTo("Quy trình mặc định (thẩm định, ký, phát hành, trả kết quả)");
        assertThat(d.progress().plan()).extracting(Progress.PlannedStep::role)
                .containsExactly("SPECIALIST", "SIGNER", "CLERK", "DESK_OFFICER");
        // the appraisal takes the shares of the steps left out (50 + 100 of 1000 on top of its own 550)
        long total = d.progress().plan().stream().mapToLong(Progress.PlannedStep::budgetMinutes).sum();
        assertThat(d.progress().plan().getFirst().budgetMinutes()).isGreaterThan(total * 6 / 10);
        var first = d.currentSteps().getFirst();
        assertThat(first.role()).isEqualTo("SPECIALIST");
        assertThat(first.assignee()).as("in the queue of the ward's specialists").isNull();
        // what the chairman is offered now can succeed: no ASSIGN of a step nobody could take
        var offered = asUser("cv.xuanhuong", () -> processing.actions(code)).stream().map(DossierProcessing.AvailableAction::action).toList();
        assertThat(offered).contains(DossierAction.COMPLETE_STEP);
        asUser("cv.xuanhuong", () -> processing.act(code, ActionRequest.of(DossierAction.COMPLETE_STEP, null)));
        assertThat(asUser("ct.xuanhuong", () -> processing.actions(code))).extracting(DossierProcessing.AvailableAction::action)
                .contains(DossierAction.APPROVE);
        asUser("ct.xuanhuong", () -> processing.act(code, ActionRequest.of(DossierAction.APPROVE, null)));
        Dossier ready = asUser("vt.xuanhuong", () -> processing.act(code, ActionRequest.of(DossierAction.ISSUE_RESULT, null)
                .withResult("35/CT-UBND", LocalDate.now(DossierWords.VIETNAM), null)));
        assertThat(ready.state()).isEqualTo(DossierState.RESULT_READY);
        Dossier returned = asUser("tn.xuanhuong", () -> processing.act(code, ActionRequest.of(DossierAction.RETURN_RESULT, null)
                .withDelivery(ActionRequest.Delivery.COUNTER, "Lưu Thị Hoa")));
        assertThat(returned.state()).isEqualTo(DossierState.RETURNED);
    }

    @Test
    void theWardsSpecialistActsOnADossierHandedStraightToTheirQueue() {
        String code = receivedAtCommune("Đoàn Thị Mến");
        var offered = asUser("cv.xuanhuong", () -> processing.actions(code)).stream().map(DossierProcessing.AvailableAction::action).toList();
        assertThat(offered).as("the step's own actions, not only those of a dossier waiting for assignment")
                .contains(DossierAction.COMPLETE_STEP, DossierAction.REQUEST_SUPPLEMENT, DossierAction.PROPOSE_REFUSAL, DossierAction.CONSULT);
        // the item asked for by its number in the checklist: the longest name of the national catalog's (over 500 characters)
        var documents = asUser("cv.xuanhuong", () -> processing.get(code)).documents();
        var longest = documents.stream().max(java.util.Comparator.comparingInt(doc -> doc.name().length())).orElseThrow();
        assertThat(longest.name().length()).isGreaterThan(500);
        Dossier waiting = asUser("cv.xuanhuong", () -> processing.act(code, ActionRequest.of(DossierAction.REQUEST_SUPPLEMENT, null)
                .withMissing(List.of(new Intake.Missing(Integer.toString(longest.number()), "Bản chính bị rách, không đọc được")))
                .withNote("Đề nghị nộp lại bản chính rõ nét")));
        assertThat(waiting.state()).isEqualTo(DossierState.AWAITING_SUPPLEMENT);
        assertThat(waiting.nationalStatus()).isEqualTo(5);
        assertThat(waiting.missing()).extracting(Dossier.MissingItem::name).containsExactly(longest.name());
    }

    @Test
    void noDecisionIsTakenWhileAnOpinionAskedForIsUnanswered() {
        String code = receivedAndAssigned("Mạc Văn Đông");
        asUser("cv.stp", () -> processing.act(code, ActionRequest.of(DossierAction.COMPLETE_STEP, null)));
        asUser("tp.stp", () -> processing.act(code, ActionRequest.of(DossierAction.COMPLETE_STEP, null)));
        assertThatThrownBy(() -> asUser("gd.stp", () -> processing.act(code, ActionRequest.of(DossierAction.CONSULT, null)
                .withAgency("H36.201", 60).withNote("Đề nghị cho ý kiến về nơi cư trú"))))
                .as("an answer due after the dossier's appointment")
                .isInstanceOfSatisfying(DossierProblem.class, p -> assertThat(p.invalidParams().toString()).contains("days"));
        asUser("gd.stp", () -> processing.act(code, ActionRequest.of(DossierAction.CONSULT, null)
                .withAgency("H36.201", 1).withNote("Đề nghị cho ý kiến về nơi cư trú")));
        assertThat(asUser("gd.stp", () -> processing.actions(code))).extracting(DossierProcessing.AvailableAction::action)
                .doesNotContain(DossierAction.APPROVE, DossierAction.REFUSE);
        assertThatThrownBy(() -> asUser("gd.stp", () -> processing.act(code, ActionRequest.of(DossierAction.APPROVE, null))))
                .isInstanceOfSatisfying(DossierProblem.class, p -> assertThat(p.code()).isEqualTo("dossier.consultations-open"));
        assertThatThrownBy(() -> asUser("gd.stp", () -> processing.act(code, ActionRequest.of(DossierAction.REFUSE, null)
                .withNote("Không đủ điều kiện cấp phiếu"))))
                .isInstanceOfSatisfying(DossierProblem.class, p -> assertThat(p.code()).isEqualTo("dossier.consultations-open"));
        var k = asUser("gd.stp", () -> processing.get(code)).progress().consultations().getFirst();
        asUser("cv.xuanhuong", () -> processing.act(code, ActionRequest.of(DossierAction.CONSULTATION_ANSWERED, null)
                .withConsultation(k.id()).withNote("Xác nhận người nộp cư trú tại phường")));
        Dossier approved = asUser("gd.stp", () -> processing.act(code, ActionRequest.of(DossierAction.APPROVE, null)));
        assertThat(approved.currentSteps().getFirst().role()).isEqualTo("CLERK");
    }

    @Test
    void theSignerAssignsAtTheAssigningStepAndTheDossierGoesToTheSpecialist() {
        String code = received("tn.ttpvhcc", RECORD, "H36.10", "Tạ Minh Khôi", null);
        assertThat(asUser("gd.stp", () -> processing.get(code)).currentSteps().getFirst().role()).isEqualTo("ASSIGNER");
        // the Director (SIGNER) assigns in place of the deputy who holds the step: the specialist gets the dossier
        Dossier assigned = asUser("gd.stp", () -> processing.act(code, ActionRequest.of(DossierAction.ASSIGN, null).withAssignee("cv.stp", null)));
        assertThat(assigned.currentSteps().getFirst().role()).isEqualTo("SPECIALIST");
        assertThat(assigned.currentSteps().getFirst().assignee()).isEqualTo("cv.stp");
        assertThat(assigned.state()).isEqualTo(DossierState.IN_PROCESSING);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** A dossier of 3.000334 received at the provincial centre for the Department of Justice and assigned to cv.stp. */
    String receivedAndAssigned(String name) {
        String code = received("tn.ttpvhcc", RECORD, "H36.10", name, "nguoidan@example.vn");
        asUser("pc.stp", () -> processing.act(code, ActionRequest.of(DossierAction.ASSIGN, null).withAssignee("cv.stp", null)));
        return code;
    }

    /** A dossier of 2.000908 (a commune-level procedure, no approved process) received at the ward H36.201's desk. */
    String receivedAtCommune(String name) {
        return received("tn.xuanhuong", DossierIntakeApiTests.COPY, "H36.201", name, null);
    }

    /** A dossier received at the desk with the procedure's whole checklist, one original of each document. */
    String received(String desk, String procedure, String handling, String name, @org.jspecify.annotations.Nullable String email) {
        var checklist = catalog.inForce(procedure, LocalDate.now(DossierWords.VIETNAM)).record().documents();
        var documents = new ArrayList<Intake.DocumentIn>();
        for (int i = 1; i <= checklist.size(); i++) {
            documents.add(new Intake.DocumentIn(Integer.toString(i), 1, 0, null));
        }
        var applicant = new Applicant(Applicant.Type.CITIZEN, name, DossierIntakeApiTests.idFor(name), LocalDate.of(1990, 5, 17),
                "0913111222", email, null, null, null);
        var in = new Intake(procedure, Channel.DIRECT, handling, null, applicant, documents, null, Intake.Outcome.RECEIVE, null, null);
        return asUser(desk, () -> intake.receive(in, null).dossier().code());
    }

    static <T> T asUser(String username, Supplier<T> work) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(username, null, List.of()));
        var before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    /** The slip as a PDF under target/processing-slips, to render with pdftoppm and look at. */
    void write(String name, SlipContent content) throws Exception {
        Path dir = Path.of("target", "processing-slips");
        Files.createDirectories(dir);
        byte[] pdf = slips.pdf(content);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        Files.write(dir.resolve(name + ".pdf"), pdf);
    }

    static LocalDateTime local(Instant at) {
        return LocalDateTime.ofInstant(at, DossierWords.VIETNAM);
    }

    static Instant instant(LocalDateTime t) {
        return t.atZone(DossierWords.VIETNAM).toInstant();
    }
}
