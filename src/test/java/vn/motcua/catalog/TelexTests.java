package vn.motcua.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Telex keys typed with the input method off, read back as folded words; and the search word list as data. */
class TelexTests {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "ddawng, dang",      // đăng: dd = đ, aw = ă
            "kys, ky",           // ký: s = sắc
            "giaays, giay",      // giấy: aa = â
            "pheps, phep",
            "xaay, xay",
            "dungj, dung",       // dựng: j = nặng (ư typed as plain u)
            "duwngj, dung",      // dựng: uw = ư
            "thuwowngf, thuong", // thường: uw ow, f = huyền
            "truws, tru",
            "hooj, ho",          // hộ: oo = ô
            "chieeus, chieu",    // chiếu: ee = ê
            "cuwowcs, cuoc",
            "nguwowif, nguoi",
            "tw, tu",            // w alone is ư
            "caaps, cap",
            "laij, lai",
            "hoonf, hon",
            "khai, khai",        // no Telex keys: unchanged
            "sinh, sinh",
            "rieeng, rieng",
            "cccd, cccd"})
    void readsTelexKeysAsTheLettersTheyMark(String typed, String folded) {
        assertThat(Telex.decode(typed)).isEqualTo(folded);
    }

    @Test
    void everySearchWordHasASourceTheDocumentExplains() throws Exception {
        var entries = SearchWords.DEFAULT.entries();
        assertThat(entries).hasSizeGreaterThan(100);
        String doc = Files.readString(Path.of("docs/search-words.md"));
        for (var e : entries) {
            assertThat(doc).as("source %s of '%s' explained in docs/search-words.md", e.source(), String.join(" ", e.typed()))
                    .containsPattern(Pattern.compile("\\| `" + Pattern.quote(e.source()) + "` \\|"));
        }
    }

    @Test
    void readsTheLongestListedPhraseAtEachPosition() {
        var slots = SearchWords.DEFAULT.read(VietnameseText.words("tôi muốn làm lại căn cước thì làm gì"));
        assertThat(slots).extracting(SearchWords.Slot::alternatives).containsExactly(
                java.util.List.of(java.util.List.of("cap", "lai"), java.util.List.of("dang", "ky", "lai")),
                java.util.List.of(java.util.List.of("can")), java.util.List.of(java.util.List.of("cuoc")));
        assertThat(slots.getFirst().optional()).isTrue();
    }
}
