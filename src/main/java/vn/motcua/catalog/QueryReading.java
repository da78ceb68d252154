package vn.motcua.catalog;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads what a person typed as the catalog's words, against the words the index holds:
 * <ol>
 *     <li>a code ({@code 1.001193}, {@code 1.013463.H36}) is a code;</li>
 *     <li>words are folded (diacritics off, đ → d);</li>
 *     <li>a word the index does not know but whose Telex reading it does is read as Telex ("ddawng kys" → "dang ky");</li>
 *     <li>listed phrases are replaced ({@link SearchWords}: abbreviations, everyday names, situations, verbs, fillers);</li>
 *     <li>a word still unknown is corrected to the closest word of the procedure names, within one typo (two in words
 *     of seven letters or more), the commonest one first ("sihn" → "sinh"), so that "khai sihn" is read as "khai sinh"
 *     and ranked as that phrase.</li>
 * </ol>
 */
final class QueryReading {

    private static final Pattern CODE = Pattern.compile("\\d\\.\\d{6}(\\.[0-9A-Za-z.]+)?");

    private QueryReading() {
    }

    /** A query as the index will search it: a code, or slots of words; with the words as typed, for exact matches. */
    record Reading(@Nullable String code, List<SearchWords.Slot> slots, List<String> exactWords, List<List<String>> namedPhrases) {

        Reading(@Nullable String code, List<SearchWords.Slot> slots, List<String> exactWords) {
            this(code, slots, exactWords, List.of());
        }

        /** Every word the query may match, for highlighting. */
        Set<String> allWords() {
            var out = new LinkedHashSet<String>();
            slots.forEach(s -> s.alternatives().forEach(out::addAll));
            return out;
        }

        /** The last word, which may still be being typed, or "" when it is a listed phrase's. */
        String typingPrefix() {
            if (slots.isEmpty() || !slots.getLast().single()) {
                return "";
            }
            String last = slots.getLast().firstWord();
            return last.length() < 2 ? "" : last;
        }

        /**
         * The phrases to rank first: the required slots' words in order, then up to {@code max} readings with the
         * everyday verbs' alternatives in their places.
         */
        List<List<String>> phrases(int max) {
            var out = new ArrayList<List<String>>();
            var required = new ArrayList<String>();
            slots.stream().filter(s -> !s.optional()).forEach(s -> required.addAll(s.alternatives().getFirst()));
            if (!required.isEmpty()) {
                out.add(required);
            }
            if (slots.stream().anyMatch(s -> s.optional() || s.alternatives().size() > 1)) {
                combine(0, new ArrayList<>(), out, max + 1);
            }
            return out.stream().distinct().limit(max + 1L).toList();
        }

        private void combine(int at, List<String> sofar, List<List<String>> out, int max) {
            if (out.size() >= max) {
                return;
            }
            if (at == slots.size()) {
                out.add(List.copyOf(sofar));
                return;
            }
            for (var alternative : slots.get(at).alternatives()) {
                var next = new ArrayList<>(sofar);
                next.addAll(alternative);
                combine(at + 1, next, out, max);
            }
        }
    }

    static Reading read(IndexReader reader, String text) {
        if (CODE.matcher(text).matches()) {
            return new Reading(text, List.of(), List.of());
        }
        return read(reader, text, SearchWords.DEFAULT);
    }

    static Reading read(IndexReader reader, String text, SearchWords list) {
        var words = new ArrayList<String>();
        for (String w : VietnameseText.words(text)) {
            String telex = Telex.decode(w);
            words.add(!telex.equals(w) && !known(reader, w) && !list.knows(w) && (known(reader, telex) || list.knows(telex)) ? telex : w);
        }
        var slots = new ArrayList<SearchWords.Slot>();
        for (var slot : list.read(words)) {
            if (slot.single() && !slot.optional()) {
                String w = slot.firstWord();
                String corrected = list.knows(w) || known(reader, w) ? w : correction(reader, w);
                slots.add(corrected.equals(w) ? slot : SearchWords.Slot.word(corrected));
            } else {
                slots.add(slot);
            }
        }
        return new Reading(null, slots, VietnameseText.exactWords(text), list.namedPhrases(words));
    }

    private static boolean known(IndexReader reader, String word) {
        try {
            return reader.docFreq(new Term("name", word)) > 0 || reader.docFreq(new Term("body", word)) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The closest word of the procedure names, or the word itself when none is close or it is too short to tell. */
    private static String correction(IndexReader reader, String word) {
        if (word.length() < 4 || !word.chars().allMatch(Character::isLetter)) {
            return word;
        }
        try {
            var terms = MultiTerms.getTerms(reader, "name");
            if (terms == null) {
                return word;
            }
            var candidates = new FuzzyTermsEnum(terms, new Term("name", word), word.length() >= 7 ? 2 : 1, 1, true);
            String best = word;
            float bestBoost = -1;
            int bestFreq = 0;
            for (var term = candidates.next(); term != null; term = candidates.next()) {
                float boost = candidates.getBoost();
                int freq = candidates.docFreq();
                if (boost > bestBoost || boost == bestBoost && freq > bestFreq) {
                    best = term.utf8ToString();
                    bestBoost = boost;
                    bestFreq = freq;
                }
            }
            return best;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
