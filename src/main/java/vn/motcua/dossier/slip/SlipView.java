package vn.motcua.dossier.slip;

import vn.motcua.platform.QrCodes;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** What a slip template is given: the content and the texts made from it (capitals, dates in words, the QR code). */
final class SlipView {

    /** Where the bundled font lies under the static resources (the print view's browser loads it from there too). */
    static final String FONT_BASE = "/fonts/liberation-serif/";
    /** Pixels of the QR image: printed 28 mm wide, that is about 360 dpi. */
    private static final int QR_PIXELS = 400;

    private SlipView() {
    }

    static Map<String, Object> of(SlipContent content, boolean forPdf) {
        Map<String, Object> v = header(content.issuer(), forPdf);
        v.put("c", content);
        v.put("issuerName", content.issuer().name().replaceAll("\\s+", " "));
        v.put("reference", content.reference());
        v.put("placeAndDate", VietnameseDates.placeAndDate(content.place(), content.issuedAt()));
        v.put("title", upper(content.form().title()));
        v.put("formNumber", content.form().number());
        v.put("qr", qrDataUri(content.lookupUrl()));
        boolean citizen = content.applicant().kind() == SlipContent.ApplicantKind.CITIZEN;
        v.put("citizen", citizen);
        v.put("salutation", citizen ? "Ông/Bà " : "");
        v.put("addressee", citizen ? "Ông/Bà" : "Quý cơ quan, tổ chức");
        v.put("idLabel", citizen ? "Số định danh cá nhân" : "Mã số thuế");
        switch (content.body()) {
            case SlipContent.Receipt r -> {
                v.put("receipt", r);
                v.put("sets", "%02d".formatted(r.sets()));
                v.put("receivedAt", VietnameseDates.timeAndDate(r.receivedAt()));
                v.put("appointment", VietnameseDates.timeAndDate(r.appointmentAt()));
            }
            case SlipContent.SupplementRequest s -> v.put("supplement", s);
            case SlipContent.Refusal r -> v.put("refusal", r);
            case SlipContent.Apology a -> {
                v.put("apology", a);
                v.put("receivedAt", VietnameseDates.timeAndDate(a.receivedAt()));
                v.put("originalDue", VietnameseDates.timeAndDate(a.originalDueAt()));
                v.put("newDue", VietnameseDates.timeAndDate(a.newDueAt()));
                v.put("signerTitle", upper(a.signerTitle()));
            }
            case SlipContent.StopNotice n -> {
                v.put("stop", n);
                v.put("requestedAt", VietnameseDates.timeAndDate(n.requestedAt()));
            }
            case SlipContent.ProcessControl p -> {
                v.put("control", p);
                v.put("rows", p.rows().stream().map(r -> Map.of("row", r, "at", VietnameseDates.shortTime(r.at()))).toList());
            }
        }
        return v;
    }

    static Map<String, Object> header(SlipContent.Issuer issuer, boolean forPdf) {
        Map<String, Object> v = new HashMap<>();
        v.put("pdf", forPdf);
        v.put("parent", upper(issuer.parentName()));
        v.put("agency", upper(issuer.name()));
        return v;
    }

    static String upper(String text) {
        return text.toUpperCase(Slips.VIETNAMESE);
    }

    private static String qrDataUri(String url) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(url, QR_PIXELS));
    }
}
