package vn.motcua.dossier;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

/** How dossiers are put in words for citizens and officers: states, channels, times (Vietnam's clock). */
public final class DossierWords {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private DossierWords() {
    }

    /** The state as the applicant reads it on the lookup page. */
    public static String state(DossierState state) {
        return switch (state) {
            case SUBMITTED -> "Đã nộp trực tuyến, chờ bộ phận một cửa kiểm tra";
            case RECEIVED -> "Đã tiếp nhận, đang chờ xử lý";
            case REFUSED_AT_INTAKE -> "Từ chối tiếp nhận";
            case AWAITING_INTAKE_SUPPLEMENT -> "Cần bổ sung, hoàn thiện hồ sơ trước khi tiếp nhận";
            case IN_PROCESSING -> "Đang giải quyết";
            case AWAITING_SUPPLEMENT -> "Chờ bổ sung hồ sơ (tạm dừng tính thời gian)";
            case AWAITING_PAYMENT -> "Chờ thực hiện nghĩa vụ tài chính";
            case PAUSED -> "Đang giải quyết (tạm dừng tính thời gian theo quy định)";
            case WITHDRAWAL_REQUESTED -> "Đã đề nghị rút hồ sơ";
            case STOPPED -> "Đã dừng xử lý";
            case RESULT_READY -> "Đã có kết quả, chờ trả";
            case RETURNED -> "Đã trả kết quả";
        };
    }

    /** An action as officers read it in the history and on buttons. */
    public static String action(DossierAction action) {
        return switch (action) {
            case ACCEPT -> "Tiếp nhận";
            case REQUEST_SUPPLEMENT -> "Yêu cầu bổ sung";
            case SUPPLEMENT_RECEIVED -> "Nhận hồ sơ bổ sung";
            case REFUSE -> "Từ chối";
            case ASSIGN -> "Phân công";
            case COMPLETE_STEP -> "Hoàn thành bước";
            case RETURN_STEP -> "Trả lại bước trước";
            case PROPOSE_REFUSAL -> "Đề xuất từ chối";
            case CONSULT -> "Lấy ý kiến";
            case CONSULTATION_ANSWERED -> "Trả lời xin ý kiến";
            case TRANSFER -> "Chuyển liên thông";
            case REQUEST_PAYMENT -> "Yêu cầu thực hiện nghĩa vụ tài chính";
            case PAYMENT_RECEIVED -> "Đã thực hiện nghĩa vụ tài chính";
            case PAUSE -> "Tạm dừng";
            case RESUME -> "Tiếp tục giải quyết";
            case APOLOGIZE_AND_EXTEND -> "Xin lỗi và gia hạn";
            case APPROVE -> "Phê duyệt";
            case ISSUE_RESULT -> "Phát hành kết quả";
            case RETURN_RESULT -> "Trả kết quả";
            case REQUEST_STOP -> "Đề nghị dừng, rút hồ sơ";
            case STOP -> "Dừng giải quyết";
        };
    }

    /** How a result was handed over. */
    public static String delivery(ActionRequest.Delivery delivery) {
        return switch (delivery) {
            case COUNTER -> "Tại bộ phận một cửa";
            case POST -> "Qua dịch vụ bưu chính";
            case ELECTRONIC -> "Trực tuyến, vào kho dữ liệu điện tử của người nộp";
        };
    }

    public static String channel(Channel channel) {
        return switch (channel) {
            case DIRECT -> "Trực tiếp";
            case ONLINE -> "Trực tuyến";
            case POSTAL -> "Qua dịch vụ bưu chính";
        };
    }

    /** "15 giờ 30 phút, ngày 12 tháng 3 năm 2027": how Form 01 writes the appointment. */
    public static String appointment(Instant at) {
        LocalDateTime t = LocalDateTime.ofInstant(at, VIETNAM);
        return "%d giờ %02d phút, ngày %02d tháng %02d năm %d".formatted(t.getHour(), t.getMinute(), t.getDayOfMonth(),
                t.getMonthValue(), t.getYear());
    }

    public static String date(java.time.LocalDate d) {
        return "%02d/%02d/%d".formatted(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    /** dd/MM/yyyy HH:mm in Vietnam's clock. */
    public static String dateTime(Instant at) {
        LocalDateTime t = LocalDateTime.ofInstant(at, VIETNAM);
        return "%02d/%02d/%d %02d:%02d".formatted(t.getDayOfMonth(), t.getMonthValue(), t.getYear(), t.getHour(), t.getMinute());
    }

    /** Lower case without diacritics, đ as d: what people type when they search ("nguyen van an"). */
    public static String folded(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('đ', 'd');
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("").replaceAll("\\s+", " ").strip();
    }
}
