package vn.motcua.dossier.slip;

import vn.motcua.dossier.slip.SlipContent.Applicant;
import vn.motcua.dossier.slip.SlipContent.Issuer;
import vn.motcua.dossier.slip.SlipContent.MissingItem;
import vn.motcua.dossier.slip.SlipContent.Procedure;
import vn.motcua.dossier.slip.SlipContent.ReceivedDocument;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Slip contents as a commune centre of the demo province would issue them. The procedure and its documents are the
 * national catalog's 1.001193 (../shared/data/tthc, national_tthc_dvcqg_2642_full.jsonl.gz), names as published.
 */
final class TestSlipContents {

    static final Issuer ISSUER = new Issuer("Ủy ban nhân dân\nphường Xuân Hương - Đà Lạt",
            "Trung tâm Phục vụ\nhành chính công phường\nXuân Hương - Đà Lạt", "0263 3822 156");
    static final Procedure BIRTH = new Procedure("1.001193", "Thủ tục đăng ký khai sinh");
    static final Applicant CITIZEN = Applicant.citizen("Nguyễn Thị Hồng Nhung", "068190001234",
            "Số 12 đường Trần Hưng Đạo, phường Xuân Hương - Đà Lạt, tỉnh Lâm Đồng", "0912345678", "nhung.nguyen@example.vn");
    static final String CODE = "H36.201.01-261201-0007";
    static final String LOOKUP = "https://dichvucong.lamdong.gov.vn/tra-cuu?ma=" + CODE;
    /** 09:15 on Tuesday 1 December 2026 in Vietnam. */
    static final Instant RECEIVED = Instant.parse("2026-12-01T02:15:00Z");
    /** 15:30 on Friday 4 December 2026 in Vietnam. */
    static final Instant APPOINTMENT = Instant.parse("2026-12-04T08:30:00Z");

    private TestSlipContents() {
    }

    static SlipContent with(SlipContent.Body body) {
        return new SlipContent(ISSUER, "Đà Lạt", RECEIVED, "0007/TNHS", CODE, BIRTH, CITIZEN, "Lê Thị Ngọc Diễm",
                "Ủy ban nhân dân phường Xuân Hương - Đà Lạt", LOOKUP, body);
    }

    static SlipContent receipt() {
        return with(new SlipContent.Receipt(List.of(
                new ReceivedDocument("Tờ khai đăng ký khai sinh theo mẫu", 1, 0),
                new ReceivedDocument("Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng "
                        + "xác nhận về việc sinh; nếu không có người làm chứng thì phải có giấy cam đoan về việc sinh", 1, 0),
                new ReceivedDocument("Văn bản ủy quyền (được chứng thực) theo quy định của pháp luật trong trường hợp ủy quyền "
                        + "thực hiện việc đăng ký khai sinh", 0, 1)),
                1, "03 ngày làm việc", RECEIVED, APPOINTMENT, ResultDelivery.AT_DESK, new SlipContent.BookEntry("2026", 1287)));
    }

    static SlipContent supplementRequest() {
        return with(new SlipContent.SupplementRequest(List.of(
                new MissingItem("Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận về việc sinh",
                        "Hồ sơ chưa có giấy tờ chứng minh việc sinh"),
                new MissingItem("Văn bản ủy quyền được chứng thực",
                        "Người nộp không phải cha, mẹ của trẻ; văn bản ủy quyền nộp kèm chưa được chứng thực")),
                "Hồ sơ chưa đủ thành phần theo quy định của thủ tục đăng ký khai sinh"));
    }

    static SlipContent refusal() {
        return with(new SlipContent.Refusal("Trẻ đã được đăng ký khai sinh tại Ủy ban nhân dân xã Đức Trọng ngày 20/11/2026; "
                + "việc đăng ký lại không thuộc trường hợp được tiếp nhận."));
    }

    static TrackingBook book(int rows) {
        List<TrackingBook.Row> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Instant received = RECEIVED.plusSeconds(600L * i);
            list.add(new TrackingBook.Row("H36.201.01-261201-%04d".formatted(i + 1), i % 2 == 0 ? BIRTH.name()
                    : "Thủ tục cấp bản sao trích lục hộ tịch", 1, i % 2 == 0 ? "Nguyễn Thị Hồng Nhung" : "Phạm Quốc Việt",
                    "Phường Xuân Hương - Đà Lạt; 0912345678", "Ủy ban nhân dân phường Xuân Hương - Đà Lạt", received,
                    APPOINTMENT, i % 3 == 0 ? received.plusSeconds(3600) : null, null, null, i == 1 ? "Hồ sơ ủy quyền" : null));
        }
        return new TrackingBook(ISSUER, "Đà Lạt", Instant.parse("2026-12-31T09:00:00Z"), LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 31), 1281, list);
    }
}
