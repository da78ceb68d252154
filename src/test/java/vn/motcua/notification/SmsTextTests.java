package vn.motcua.notification;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text messages in Vietnamese: UCS-2 carries 70 characters in one part and 67 a part in several, GSM 7-bit 160 and 153
 * (3GPP TS 23.038 and 23.040); letters with diacritics are not in the GSM alphabet.
 */
class SmsTextTests {

    @ParameterizedTest(name = "{0} characters of \"{1}\" → {2} part(s), {3}")
    @CsvSource({
            // length, letter repeated, parts, encoding
            "70, ệ, 1, UCS2",
            "71, ệ, 2, UCS2",
            "134, ệ, 2, UCS2",
            "135, ệ, 3, UCS2",
            "160, a, 1, GSM7",
            "161, a, 2, GSM7",
            "306, a, 2, GSM7",
            "307, a, 3, GSM7",
    })
    void countsPartsByTheAlphabetTheTextNeeds(int length, String letter, int parts, String encoding) {
        var sms = SmsText.fit(letter.repeat(length), false, 3);
        assertThat(sms.parts()).isEqualTo(parts);
        assertThat(sms.encoding()).isEqualTo(encoding);
        assertThat(sms.text()).hasSize(length);
    }

    @Test
    void aDecomposedLetterCountsAsOneAndIsSentComposed() {
        // "Nguyễn" typed with combining marks: N g u y e ̂ ̃ n = 8 code units, 6 letters once composed (NFC)
        String decomposed = Normalizer.normalize("Nguyễn", Normalizer.Form.NFD);
        assertThat(decomposed).hasSize(8);
        var sms = SmsText.fit(decomposed, false, 1);
        assertThat(sms.text()).isEqualTo("Nguyễn").hasSize(6);
    }

    @Test
    void aLongTextIsCutAtAWordWithinItsPartsAndNeverInsideALetter() {
        // 3 UCS-2 parts hold 3 × 67 = 201 characters; the text is cut to at most 200 plus "…"
        String sentence = "Hồ sơ của Ông/Bà đã được tiếp nhận và đang được giải quyết theo đúng quy định hiện hành. ";
        var sms = SmsText.fit(Normalizer.normalize(sentence.repeat(5), Normalizer.Form.NFD), false, 3);
        assertThat(sms.text()).endsWith("…").hasSizeLessThanOrEqualTo(201);
        assertThat(sms.parts()).isEqualTo(3);
        assertThat(Normalizer.isNormalized(sms.text(), Normalizer.Form.NFC)).isTrue();
        String beforeEllipsis = sms.text().substring(0, sms.text().length() - 1);
        assertThat(sentence.repeat(5)).startsWith(beforeEllipsis);
        assertThat(sentence.repeat(5).charAt(beforeEllipsis.length())).as("cut before a space, not inside a word").isEqualTo(' ');
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Hồ sơ đã được tiếp nhận, hẹn trả 09/03/2026 | Ho so da duoc tiep nhan, hen tra 09/03/2026",
            "ĐĂNG KÝ KẾT HÔN | DANG KY KET HON",
            "Phường Xuân Hương - Đà Lạt | Phuong Xuan Huong - Da Lat",
    })
    void unaccentedTextsGoAsGsmSevenBit(String text, String expected) {
        var sms = SmsText.fit(text, true, 3);
        assertThat(sms.text()).isEqualTo(expected);
        assertThat(sms.encoding()).isEqualTo("GSM7");
        assertThat(sms.parts()).isEqualTo(1);
    }
}
