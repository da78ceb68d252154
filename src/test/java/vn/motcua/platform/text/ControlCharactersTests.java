package vn.motcua.platform.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Which characters text from outside may not hold, and where the first one is. */
class ControlCharactersTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("plain Vietnamese", "Nguyễn Văn An", -1),
                arguments("tab, line feed, return", "a\tb\nc\rd", -1),
                arguments("NUL", "ab\u0000c", 2),
                arguments("BEL", "\u0007", 0),
                arguments("DEL", "x\u007f", 1),
                arguments("right-to-left override", "\u202eNguyễn Văn An", 0),
                arguments("left-to-right embedding", "An\u202a", 2),
                arguments("first strong isolate", "a\u2068b", 1),
                arguments("an emoji (a surrogate pair)", "tốt \ud83d\ude00", -1),
                arguments("a lone high surrogate", "Nguy\ud800n", 4),
                arguments("a lone low surrogate", "\udc00", 0),
                arguments("a high surrogate at the end", "An\ud83d", 2),
                arguments("zero-width space (allowed)", "Văn\u200bAn", -1),
                arguments("no-break space (allowed)", "Văn\u00a0An", -1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theFirstForbiddenCharacterIsFound(String what, String text, int index) {
        assertThat(ControlCharacters.firstForbidden(text)).as(what).isEqualTo(index);
    }
}
