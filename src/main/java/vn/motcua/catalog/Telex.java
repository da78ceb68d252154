package vn.motcua.catalog;

/**
 * Words typed in Telex with the input method switched off ("ddawng kys" for "đăng ký", "giaays pheps" for "giấy
 * phép"), read back as the folded letters the index holds ("dang ky", "giay phep").
 *
 * <p>Telex writes a letter's marks as extra keys: {@code dd} is đ; {@code aa ee oo} are â ê ô; {@code w} after a
 * vowel makes ă ơ ư (and {@code w} alone is ư); the tones are {@code s f r x j} ({@code z} clears one). A Vietnamese
 * syllable has only its initial consonants before the vowel, and none of s, f, r, x, j, z or w can come after it, so
 * once the initial consonants are read, every one of those letters is a key for a mark. Folding drops the marks,
 * so decoding only has to drop those keys. Ordinary words ("xoong", "sinh") are never decoded: the caller decodes
 * only a word the index does not know.
 */
final class Telex {

    private Telex() {
    }

    /** The folded word a Telex spelling stands for; the word itself when it has no Telex keys. */
    static String decode(String word) {
        if (word.isEmpty() || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return word;
        }
        int start = 0;
        while (start < word.length() && "aeiouyw".indexOf(word.charAt(start)) < 0) {
            start++;
        }
        String initial = word.substring(0, start).replace("dd", "d");
        var rest = new StringBuilder();
        for (int i = start; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == 'w') {
                if (i == start) {
                    rest.append('u'); // "w" alone is ư
                }
                continue;
            }
            if ("sfrxjz".indexOf(c) >= 0) {
                continue;
            }
            int last = rest.length() - 1;
            if (last >= 0 && c == rest.charAt(last) && "aeo".indexOf(c) >= 0) {
                continue; // aa → â, ee → ê, oo → ô
            }
            rest.append(c);
        }
        String decoded = initial + rest;
        return decoded.isEmpty() ? word : decoded;
    }
}
