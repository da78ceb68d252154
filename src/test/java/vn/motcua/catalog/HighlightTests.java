package vn.motcua.catalog;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HighlightTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Thủ tục đăng ký khai sinh | khai,sinh | '' | Thủ tục đăng ký <mark>khai sinh</mark>",
            "Thủ tục đăng ký khai sinh | dang,ky | kha | Thủ tục <mark>đăng ký khai</mark> sinh",
            "Cấp lại giấy phép lái xe | giay,phep,lai,xe | '' | Cấp <mark>lại giấy phép lái xe</mark>",
            "Phí <b>&</b> lệ phí | phi,b | '' | <mark>Phí</mark> &lt;<mark>b</mark>&gt;&amp;&lt;/<mark>b</mark>&gt; lệ <mark>phí</mark>"})
    void marksMatchingWordsAndEscapesTheRest(String name, String words, String prefix, String expected) {
        assertThat(VietnameseText.highlight(name, Set.of(words.split(",")), prefix)).isEqualTo(expected);
    }
}
