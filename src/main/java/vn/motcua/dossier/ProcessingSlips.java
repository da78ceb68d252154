package vn.motcua.dossier;

import org.springframework.stereotype.Component;
import vn.motcua.dossier.slip.SlipContent;
import vn.motcua.organization.AgencyView;
import vn.motcua.platform.web.PublicAddress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static vn.motcua.dossier.DossierWords.VIETNAM;

/**
 * The slips of processing: Form 02 during processing and 04 (issued by the handling agency), 05 (by the desk), all
 * stored as issued in {@code dossier.slip}; Form 06 is made from the hand-overs as recorded, on demand, so it always
 * shows the whole append-only history and nothing in it can be overwritten.
 */
@Component
class ProcessingSlips {

    private final CommittedOrganisation organisation;
    private final DossierStore store;
    private final PublicAddress publicAddress;

    ProcessingSlips(CommittedOrganisation organisation, DossierStore store, PublicAddress publicAddress) {
        this.organisation = organisation;
        this.store = store;
        this.publicAddress = publicAddress;
    }

    void supplementDuringProcessing(DossierCase c, List<Dossier.MissingItem> items, String reason, DossierCase.Actor by, Instant now) {
        var body = new SlipContent.SupplementRequest(items.stream().map(m -> new SlipContent.MissingItem(m.name(), m.reason())).toList(),
                reason);
        issue(c.dossier, c.dossier.handlingAgency().id(), by.fullName(), body, now);
    }

    void apology(DossierCase c, Instant oldDue, Instant newDue, String reason, DossierCase.Actor by, Instant now) {
        var d = c.dossier;
        var body = new SlipContent.Apology(java.util.Objects.requireNonNull(d.receivedAt()), oldDue, reason, newDue, "Thủ trưởng cơ quan");
        // the agency that holds the dossier, and so is late with it, apologises under its own name (vn-rules §5.2)
        var step = c.step();
        issue(d, step != null ? step.agencyId() : d.handlingAgency().id(), by.fullName(), body, now);
    }

    void stopNotice(DossierCase c, DossierState stage, String reason, DossierCase.Actor by, Instant now) {
        var d = c.dossier;
        var step = c.step();
        String stageWords = DossierWords.state(stage) + (step != null && stage != DossierState.SUBMITTED
                && stage != DossierState.AWAITING_INTAKE_SUPPLEMENT ? ": " + step.name() : "");
        var body = new SlipContent.StopNotice(now, stageWords, reason,
                "Phí, lệ phí đã nộp được xử lý theo quy định của pháp luật về phí, lệ phí; giấy tờ bản chính (nếu có) được trả lại cho người nộp.");
        issue(d, d.receivingAgency().id(), by.fullName(), body, now);
    }

    /**
     * Form 06 from the recorded hand-overs. The result at each hand-over: "Quá hạn" when the side handing over was
     * past its step budget, "Đúng hạn" when it handed over on the budget's last day, "Trước hạn" before that.
     */
    SlipContent processControl(Dossier d, Instant now) {
        var rows = new ArrayList<SlipContent.ControlRow>();
        for (var h : d.progress().handovers()) {
            String result;
            if (!h.onTime()) {
                result = "Quá hạn";
            } else if (h.stepDueAt() != null
                    && LocalDate.ofInstant(h.at(), VIETNAM).isBefore(LocalDate.ofInstant(h.stepDueAt(), VIETNAM))) {
                result = "Trước hạn";
            } else {
                result = "Đúng hạn";
            }
            String giver = join(h.fromUnit(), h.fromPerson());
            String receiver = join(h.toUnit(), h.toPerson());
            rows.add(new SlipContent.ControlRow(h.toAgency().isBlank() ? h.fromAgency() : h.toAgency(),
                    join(h.fromAgency(), giver), receiver.isBlank() ? h.toAgency() : join(h.toAgency(), receiver), h.at(), result,
                    note(h) + (h.onTime() ? "" : " (quá " + h.lateMinutes() + " phút làm việc)")));
        }
        return content(d, d.receivingAgency().id(), "Bộ phận một cửa", new SlipContent.ProcessControl(rows), now);
    }

    private static String note(Progress.Handover h) {
        try {
            return DossierWords.action(DossierAction.valueOf(h.action()));
        } catch (IllegalArgumentException intake) {
            return "Tiếp nhận, chuyển hồ sơ";
        }
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b == null ? "" : b;
        }
        return b == null || b.isBlank() ? a : a + " - " + b;
    }

    private void issue(Dossier d, UUID issuerId, String officer, SlipContent.Body body, Instant now) {
        var content = content(d, issuerId, officer, body, now);
        store.addSlip(UUID.randomUUID(), d.id(), content.form().number(), d.code() + "/" + content.form().number(), now, content);
    }

    private SlipContent content(Dossier d, UUID issuerId, String officer, SlipContent.Body body, Instant now) {
        AgencyView issuer = organisation.agency(issuerId);
        String parent = issuer.parentId() == null ? issuer.name() : organisation.agency(issuer.parentId()).name();
        var a = d.applicant();
        String address = a.address() == null ? null : a.address().line();
        var applicant = a.type() == Applicant.Type.ORGANIZATION
                ? SlipContent.Applicant.organization(a.fullName(), a.taxCode(), address, a.phone(), a.email(), a.representative())
                : SlipContent.Applicant.citizen(a.fullName(), a.idNumber(), address, a.phone(), a.email());
        return new SlipContent(new SlipContent.Issuer(parent, issuer.name(), null), place(issuer), now, null, d.code(),
                new SlipContent.Procedure(d.procedure().code(), d.procedure().name()), applicant, officer, d.handlingAgency().name(),
                publicAddress.of("/tra-cuu/{code}", d.code()), body);
    }

    /** The place name of a slip's date line: the commune or ward of a commune agency, the province otherwise. */
    private static String place(AgencyView issuer) {
        String name = issuer.name();
        var m = Pattern.compile("(?:phường|xã|đặc khu) (.+)$").matcher(name);
        if (m.find()) {
            return m.group(1);
        }
        var p = Pattern.compile("tỉnh (.+?)(?: tại .*)?$").matcher(name);
        return p.find() ? p.group(1) : name;
    }
}
