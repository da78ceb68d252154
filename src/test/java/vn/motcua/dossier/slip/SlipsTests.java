package vn.motcua.dossier.slip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SlipsTests {

    static final Slips SLIPS = new Slips();

    /**
     * The national-form header every slip carries (Decree 30/2020 Annex I; vn-rules §5.2), read line by line across
     * both columns: the parent agency's lines stand level with the Quốc hiệu and the tiêu ngữ, the agency's name below
     * with the số/ký hiệu, the place and date under the tiêu ngữ, then the title and the dossier code.
     */
    static final List<String> NATIONAL_HEADER = List.of(
            "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM PHƯỜNG XUÂN HƯƠNG - ĐÀ LẠT Độc lập - Tự do - Hạnh phúc "
                    + "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG", "Đà Lạt, ngày 01 tháng 12 năm 2026",
            "XUÂN HƯƠNG - ĐÀ LẠT Số: 0007/TNHS",
            " Mã hồ sơ: H36.201.01-261201-0007 Trung tâm Phục vụ hành chính công phường Xuân Hương - Đà Lạt tiếp nhận hồ sơ "
                    + "của: Ông/Bà Nguyễn Thị Hồng Nhung Số định danh cá nhân: 068190001234 Địa chỉ: Số 12 đường Trần Hưng Đạo, "
                    + "phường Xuân Hương - Đà Lạt, tỉnh Lâm Đồng Số điện thoại: 0912345678. Email: nhung.nguyen@example.vn",
            "Nội dung yêu cầu giải quyết: Thủ tục đăng ký khai sinh (mã thủ tục 1.001193). "
                    + "Cơ quan giải quyết: Ủy ban nhân dân phường Xuân Hương - Đà Lạt.",
            "Tra cứu hồ sơ tại: https://dichvucong.lamdong.gov.vn/tra-cuu?ma=H36.201.01-261201-0007");

    static Stream<Arguments> forms() {
        return Stream.of(Arguments.of(TestSlipContents.receipt()), Arguments.of(TestSlipContents.supplementRequest()),
                Arguments.of(TestSlipContents.refusal()));
    }

    @Test
    void theReceiptSaysWhatWasReceivedWhenAndWhenToComeBack() {
        byte[] pdf = SLIPS.pdf(TestSlipContents.receipt());
        assertThat(PdfPages.text(pdf)).contains(NATIONAL_HEADER).contains(
                "Số: 0007/TNHS GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ Mã hồ sơ",
                "1. Thành phần hồ sơ và số lượng mỗi loại giấy tờ: TT Tên giấy tờ Bản chính Bản sao",
                "2. Số lượng hồ sơ: 01 bộ. 3. Thời gian giải quyết hồ sơ theo quy định: 03 ngày làm việc. "
                        + "4. Thời gian nhận hồ sơ: 9 giờ 15 phút, ngày 01 tháng 12 năm 2026. "
                        + "5. Thời gian trả kết quả giải quyết hồ sơ: 15 giờ 30 phút, ngày 04 tháng 12 năm 2026. "
                        + "6. Đăng ký nhận kết quả: Tại Bộ phận Một cửa nơi nộp hồ sơ. "
                        + "Vào Sổ theo dõi hồ sơ, Quyển số: 2026, Số thứ tự: 1287.",
                "NGƯỜI NỘP HỒ SƠ NGƯỜI TIẾP NHẬN HỒ SƠ (Ký và ghi rõ họ tên) (Ký và ghi rõ họ tên) Nguyễn Thị Hồng Nhung Lê Thị Ngọc Diễm");
        assertThat(PdfPages.streamText(pdf)).contains("1 Tờ khai đăng ký khai sinh theo mẫu 1 0",
                "2 Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc "
                        + "sinh; nếu không có người làm chứng thì phải có giấy cam đoan về việc sinh 1 0",
                "3 Văn bản ủy quyền (được chứng thực) theo quy định của pháp luật trong trường hợp ủy quyền thực hiện việc "
                        + "đăng ký khai sinh 0 1");
    }

    @Test
    void theSupplementRequestListsEverythingMissingEachWithItsReason() {
        byte[] pdf = SLIPS.pdf(TestSlipContents.supplementRequest());
        String text = PdfPages.text(pdf);
        assertThat(text).contains(NATIONAL_HEADER).contains("Số: 0007/TNHS PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ Mã hồ sơ",
                "Sau khi xem xét, đối chiếu với quy định, hồ sơ chưa đầy đủ, hợp lệ. Đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ "
                        + "gồm những nội dung sau: TT Nội dung cần bổ sung, hoàn thiện Lý do",
                "Lý do yêu cầu bổ sung, hoàn thiện: Hồ sơ chưa đủ thành phần theo quy định của thủ tục đăng ký khai sinh",
                "nếu có vướng mắc, Ông/Bà liên hệ Lê Thị Ngọc Diễm, số điện thoại 0263 3822 156 để được hướng dẫn./.",
                "NGƯỜI NỘP HỒ SƠ NGƯỜI HƯỚNG DẪN");
        assertThat(PdfPages.streamText(pdf)).contains(
                "1 Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận về việc sinh Hồ sơ chưa có giấy tờ chứng minh việc sinh",
                "2 Văn bản ủy quyền được chứng thực Người nộp không phải cha, mẹ của trẻ; văn bản ủy quyền nộp kèm chưa được chứng thực");
        assertThat(text).doesNotContain("Thời gian trả kết quả");
    }

    @Test
    void theRefusalGivesTheReasonInWords() {
        String text = PdfPages.text(SLIPS.pdf(TestSlipContents.refusal()));
        assertThat(text).contains(NATIONAL_HEADER).contains("Số: 0007/TNHS PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ Mã hồ sơ",
                "Qua xem xét, đối chiếu với quy định, Trung tâm Phục vụ hành chính công phường Xuân Hương - Đà Lạt thông báo "
                        + "không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau: Trẻ đã được đăng ký khai sinh tại Ủy ban "
                        + "nhân dân xã Đức Trọng ngày 20/11/2026; việc đăng ký lại không thuộc trường hợp được tiếp nhận. "
                        + "Xin thông báo để Ông/Bà được biết và thực hiện./.",
                "NGƯỜI NỘP HỒ SƠ NGƯỜI TIẾP NHẬN HỒ SƠ");
        assertThat(text).doesNotContain("Thời gian trả kết quả", "bổ sung, hoàn thiện");
    }

    @Test
    void anOrganisationIsAddressedByItsNameAndTaxCode() {
        var org = SlipContent.Applicant.organization("Công ty TNHH Cà phê Cầu Đất", "5800123456",
                "Xã Xuân Trường, tỉnh Lâm Đồng", "0263 3555 888", null, "Võ Minh Triết");
        var receipt = TestSlipContents.receipt();
        var content = new SlipContent(receipt.issuer(), receipt.place(), receipt.issuedAt(), null, receipt.dossierCode(),
                receipt.procedure(), org, receipt.receivingOfficer(), receipt.handlingAgency(), receipt.lookupUrl(),
                new SlipContent.Refusal("Doanh nghiệp đã nộp hồ sơ này tại Sở Tài chính."));
        String text = PdfPages.text(SLIPS.pdf(content));
        assertThat(text).contains("tiếp nhận hồ sơ của: Công ty TNHH Cà phê Cầu Đất Người đại diện: Võ Minh Triết "
                + "Mã số thuế: 5800123456", "Email: ……", "Số: ……", "Xin thông báo để Quý cơ quan, tổ chức được biết");
        assertThat(text).doesNotContain("Ông/Bà");
    }

    @ParameterizedTest
    @MethodSource("forms")
    void everyCharacterIsARealGlyphOfTheEmbeddedFont(SlipContent content) {
        byte[] pdf = SLIPS.pdf(content);
        var drawn = PdfPages.drawn(pdf);
        assertThat(drawn).hasSizeGreaterThan(500);
        assertThat(drawn).allSatisfy(d -> {
            assertThat(d.font().isEmbedded()).as("font of %s embedded", d.unicode()).isTrue();
            assertThat(d.font().getName()).as("font of %s", d.unicode()).matches("[A-Z]{6}\\+LiberationSerif(-Bold|-Italic)?");
            assertThat(d.glyph()).as("glyph of %s", d.unicode()).isPositive();
        });
        assertThat(drawn.stream().map(PdfPages.Drawn::unicode)).contains("ễ", "ị", "Ủ", "Đ", "ồ", "ư", "ơ");
    }

    /** Every letter of Vietnamese, both cases, with each of the five tone marks (NFC, as typed on a Vietnamese keyboard). */
    static String vietnameseAlphabet() {
        var letters = new StringBuilder();
        String[] tones = {"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"};
        for (String vowel : List.of("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")) {
            for (String tone : tones) {
                String lower = Normalizer.normalize(vowel + tone, Normalizer.Form.NFC);
                letters.append(lower).append(lower.toUpperCase(Slips.VIETNAMESE)).append(' ');
            }
        }
        return letters.append("d đ D Đ").toString();
    }

    @Test
    void drawsEveryVietnameseLetterWithItsMarksFromTheEmbeddedFont() {
        String alphabet = vietnameseAlphabet();
        assertThat(alphabet.codePoints().filter(Character::isLetter).count()).isEqualTo(12 * 6 * 2 + 4);
        byte[] pdf = SLIPS.pdf(TestSlipContents.with(new SlipContent.Refusal("Bảng chữ cái: " + alphabet)));
        assertThat(PdfPages.text(pdf)).contains(alphabet);
        assertThat(PdfPages.drawn(pdf)).allSatisfy(d -> assertThat(d.glyph()).as("glyph of %s", d.unicode()).isPositive());

        // The glyph of a letter with a mark is not its bare letter: a mark above rises higher, a dot below hangs lower,
        // a horn makes the letter wider; đ is drawn with its bar.
        Map<String, double[]> outline = PdfPages.outlines(pdf);
        String font = outline.keySet().stream().filter(k -> k.endsWith("|Ỹ")).findFirst().orElseThrow().split("\\|")[0];
        List<String> checked = new ArrayList<>();
        alphabet.codePoints().filter(Character::isLetter).mapToObj(Character::toString).forEach(letter -> {
            String decomposed = Normalizer.normalize(letter, Normalizer.Form.NFD);
            String base = decomposed.substring(0, 1);
            if (decomposed.length() == 1) {
                return;
            }
            double[] marked = outline.get(font + "|" + letter);
            double[] bare = outline.get(font + "|" + base);
            assertThat(marked).as(letter).isNotNull();
            if (base.equals("i")) {
                // i keeps no dot under its marks: the glyph is another shape, not necessarily taller
                assertThat(marked).as("outline of %s", letter).isNotEqualTo(bare);
            } else if (decomposed.chars().anyMatch(c -> c == 0x300 || c == 0x301 || c == 0x302 || c == 0x303 || c == 0x306 || c == 0x309)) {
                assertThat(marked[1]).as("mark above %s", letter).isGreaterThan(bare[1] + 50);
            }
            if (decomposed.indexOf('\u0323') >= 0 && base.equals("y")) {
                // the dot of ỵ sits in the hollow of the descender, not under it: one contour more
                assertThat(marked[3]).as("dot of %s", letter).isGreaterThan(bare[3]);
            } else if (decomposed.indexOf('\u0323') >= 0) {
                assertThat(marked[0]).as("dot below %s", letter).isLessThan(bare[0] - 50);
            }
            if (decomposed.indexOf('\u031B') >= 0) {
                assertThat(marked[2]).as("horn of %s", letter).isGreaterThan(bare[2] + 20);
            }
            checked.add(letter);
        });
        assertThat(checked).hasSize(2 * (12 * 6 - 6)); // all but the six bare vowels; đ has no decomposition
        assertThat(PdfPages.drawn(pdf).stream().filter(d -> d.unicode().equals("đ")).findFirst().orElseThrow().glyph())
                .isNotEqualTo(PdfPages.drawn(pdf).stream().filter(d -> d.unicode().equals("d")).findFirst().orElseThrow().glyph());
    }

    @ParameterizedTest
    @MethodSource("forms")
    void theQrCodeOnThePrintedPageOpensTheLookup(SlipContent content) throws Exception {
        var page = PdfPages.render(SLIPS.pdf(content), 0, 150);
        assertThat(page.getWidth()).isEqualTo(1240); // A4, 210 mm at 150 dpi
        assertThat(PdfPages.qrCode(page)).isEqualTo("https://dichvucong.lamdong.gov.vn/tra-cuu?ma=H36.201.01-261201-0007");
    }

    @Test
    void aSlipFitsOnOnePageOfA4() throws Exception {
        for (SlipContent content : List.of(TestSlipContents.receipt(), TestSlipContents.supplementRequest(), TestSlipContents.refusal())) {
            var pages = PdfPages.pageTexts(SLIPS.pdf(content));
            assertThat(pages).as(content.form().name()).hasSize(1);
            assertThat(pages.getFirst()).contains("(Ký và ghi rõ họ tên)");
        }
    }

    @Test
    void thePrintViewIsTheSameTemplateAndLoadsTheBundledFont() throws Exception {
        String html = SLIPS.html(TestSlipContents.receipt());
        Document page = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        String text = page.getDocumentElement().getTextContent().replaceAll("\\s+", " ");
        assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Mã hồ sơ: H36.201.01-261201-0007",
                "5. Thời gian trả kết quả giải quyết hồ sơ: 15 giờ 30 phút, ngày 04 tháng 12 năm 2026.");
        assertThat(html).contains("@page { size: A4 portrait;", "url(\"/fonts/liberation-serif/LiberationSerif-Regular.ttf\")",
                "src=\"data:image/png;base64,");
        assertThat(SLIPS.render(TestSlipContents.receipt(), true)).doesNotContain("@font-face");
        assertThat(getClass().getResource("/static/fonts/liberation-serif/LICENSE.txt")).isNotNull();
    }

    @Test
    void aReprintOfStoredContentSaysWhatTheFirstPrintSaid() {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        String stored = json.writeValueAsString(TestSlipContents.receipt());
        assertThat(PdfPages.text(SLIPS.pdf(json.readValue(stored, SlipContent.class))))
                .isEqualTo(PdfPages.text(SLIPS.pdf(TestSlipContents.receipt())));
    }
}
