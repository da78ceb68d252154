package vn.motcua.dossier.slip;

/** The slips a desk or a handling agency issues, numbered as in Circular 03/2025/TT-VPCP Annex I (vn-rules §5.1). */
public enum SlipForm {
    /** Mẫu số 01: the dossier was received; it states the appointment for the result. */
    RECEIPT_01("01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "receipt"),
    /** Mẫu số 02: everything missing or to be corrected, asked for once, each with its reason. */
    SUPPLEMENT_REQUEST_02("02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", "supplement-request"),
    /** Mẫu số 03: the dossier is not received, with the reason in words. */
    REFUSAL_03("03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ", "refusal"),
    /** Mẫu số 04: the agency that will be late apologises, says why and proposes a new appointment (once). */
    APOLOGY_04("04", "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết", "apology"),
    /** Mẫu số 05: processing stops at the applicant's request, before any result decision. */
    STOP_NOTICE_05("05", "Thông báo dừng giải quyết hồ sơ", "stop-notice"),
    /** Mẫu số 06: every hand-over of the dossier, with its time and whether it was on time. */
    PROCESS_CONTROL_06("06", "Phiếu kiểm soát quá trình giải quyết hồ sơ", "process-control");

    private final String number;
    private final String title;
    private final String template;

    SlipForm(String number, String title, String template) {
        this.number = number;
        this.title = title;
        this.template = template;
    }

    /** The form's number in the annex, "01". */
    public String number() {
        return number;
    }

    /** The form's title as printed (the template prints it in capitals). */
    public String title() {
        return title;
    }

    String template() {
        return template;
    }

    /** The form with that number ("01", "02", "03"), as in {@code GET …/slips/{form}}. */
    public static SlipForm ofNumber(String number) {
        for (SlipForm form : values()) {
            if (form.number.equals(number)) {
                return form;
            }
        }
        throw new IllegalArgumentException("no slip form " + number);
    }
}
