package vn.motcua.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What people type into the search box, read as the catalog's words: abbreviations, everyday names, situations
 * ("mất căn cước"), everyday verbs ("làm", "xin", "làm lại") and the words of a sentence or question ("tôi muốn",
 * "thì làm gì"). The lists are data ({@code catalog/search-words.txt}; sources in {@code docs/search-words.md}).
 */
final class SearchWords {

    enum Kind { ABBREVIATION, EVERYDAY, SITUATION, VERB, FILLER }

    /** One entry: the typed phrase (folded words) and the catalog's words it may stand for. */
    record Entry(Kind kind, List<String> typed, List<List<String>> alternatives, String source) {
    }

    /**
     * One position of a query: the words any of which may fill it. An optional slot (an everyday verb) adds to the
     * score but is not needed for a name to match.
     */
    record Slot(List<List<String>> alternatives, boolean optional) {
        static Slot word(String word) {
            return new Slot(List.of(List.of(word)), false);
        }

        boolean single() {
            return alternatives.size() == 1 && alternatives.getFirst().size() == 1;
        }

        String firstWord() {
            return alternatives.getFirst().getFirst();
        }
    }

    static final SearchWords DEFAULT = load("catalog/search-words.txt");

    private static final int LONGEST = 8;

    private final Map<String, Entry> byPhrase;
    private final Set<String> typedWords;

    SearchWords(List<Entry> entries) {
        var map = new HashMap<String, Entry>();
        var words = new HashSet<String>();
        for (var e : entries) {
            if (e.typed().isEmpty() || e.typed().size() > LONGEST) {
                throw new IllegalArgumentException("search word phrase of 1-" + LONGEST + " words expected: " + e);
            }
            if (map.putIfAbsent(String.join(" ", e.typed()), e) != null) {
                throw new IllegalArgumentException("search word phrase listed twice: " + String.join(" ", e.typed()));
            }
            words.addAll(e.typed());
        }
        byPhrase = Map.copyOf(map);
        typedWords = Set.copyOf(words);
    }

    List<Entry> entries() {
        return List.copyOf(byPhrase.values());
    }

    /** Whether a word is part of a phrase this list reads (so repairing it as a typo would lose it). */
    boolean knows(String word) {
        return typedWords.contains(word);
    }

    /** The query's folded words as slots, longest listed phrase first at each position. */
    List<Slot> read(List<String> words) {
        return read(words, new ArrayList<>());
    }

    /**
     * The listed phrases' catalog words of two words or more ("đăng ký khai tử" for "bố tôi mất"), each a phrase a
     * name should rank first for, whatever other words the sentence has.
     */
    List<List<String>> namedPhrases(List<String> words) {
        var phrases = new ArrayList<List<String>>();
        read(words, phrases);
        return phrases.stream().distinct().toList();
    }

    private List<Slot> read(List<String> words, List<List<String>> phrases) {
        var out = new ArrayList<Slot>();
        int i = 0;
        while (i < words.size()) {
            Entry found = null;
            int len = Math.min(LONGEST, words.size() - i);
            while (len >= 1 && (found = byPhrase.get(String.join(" ", words.subList(i, i + len)))) == null) {
                len--;
            }
            if (found == null || found.kind() != Kind.FILLER) {
                var through = situationThroughFillers(words, i);
                if (through != null && through.end() > i + Math.max(len, 0)) {
                    found = through.entry();
                    len = through.end() - i;
                }
            }
            if (found == null) {
                out.add(Slot.word(words.get(i)));
                i++;
                continue;
            }
            i += len;
            switch (found.kind()) {
                case FILLER -> {
                }
                case VERB -> out.add(new Slot(found.alternatives(), true));
                case ABBREVIATION, EVERYDAY, SITUATION -> {
                    if (found.kind() == Kind.SITUATION) {
                        found.alternatives().stream().filter(a -> a.size() > 1).forEach(phrases::add);
                    }
                    if (found.alternatives().size() == 1) {
                        // "bố tôi mất thì làm giấy báo tử": the situation already read as "đăng ký khai tử" needs no second "khai tử"
                        if (!alreadyRead(out, found.alternatives().getFirst())) {
                            found.alternatives().getFirst().forEach(w -> out.add(Slot.word(w)));
                        }
                    } else {
                        out.add(new Slot(found.alternatives(), false));
                    }
                }
            }
        }
        return out;
    }

    /** Whether these words already stand, in this order, as single slots of the query read so far. */
    private static boolean alreadyRead(List<Slot> slots, List<String> words) {
        for (int start = 0; start + words.size() <= slots.size(); start++) {
            int k = 0;
            while (k < words.size() && slots.get(start + k).single() && !slots.get(start + k).optional()
                    && slots.get(start + k).firstWord().equals(words.get(k))) {
                k++;
            }
            if (k == words.size()) {
                return true;
            }
        }
        return false;
    }

    private record Match(Entry entry, int end) {
    }

    /**
     * A situation whose words a sentence word interrupts: "bố tôi mất" (my father died) is the listed "bố mất", with the
     * possessive "tôi" (a filler) between the person and "mất"; so is "mẹ của tôi mất". Only situations are read
     * this way, and only when a filler really sits inside the phrase; the longest such phrase wins.
     */
    private @org.jspecify.annotations.Nullable Match situationThroughFillers(List<String> words, int at) {
        var content = new ArrayList<String>();
        var ends = new ArrayList<Integer>();
        var interrupted = new ArrayList<Boolean>();
        boolean skipped = false;
        int j = at;
        while (j < words.size() && content.size() < LONGEST) {
            int filler = content.isEmpty() ? 0 : fillerAt(words, j);
            if (filler > 0) {
                j += filler;
                skipped = true;
                continue;
            }
            content.add(words.get(j));
            j++;
            ends.add(j);
            interrupted.add(skipped);
        }
        for (int len = content.size(); len >= 2; len--) {
            var entry = byPhrase.get(String.join(" ", content.subList(0, len)));
            if (entry != null && entry.kind() == Kind.SITUATION && interrupted.get(len - 1)) {
                return new Match(entry, ends.get(len - 1));
            }
        }
        return null;
    }

    /** The length of the longest filler phrase starting at this word, or 0. */
    private int fillerAt(List<String> words, int at) {
        for (int len = Math.min(LONGEST, words.size() - at); len >= 1; len--) {
            var entry = byPhrase.get(String.join(" ", words.subList(at, at + len)));
            if (entry != null && entry.kind() == Kind.FILLER) {
                return len;
            }
        }
        return 0;
    }

    static SearchWords load(String resource) {
        var entries = new ArrayList<Entry>();
        try (var in = SearchWords.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                entries.add(parse(line, resource + ":" + number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SearchWords(entries);
    }

    static Entry parse(String line, String where) {
        String[] cells = line.split("\\|", -1);
        if (cells.length != 4) {
            throw new IllegalArgumentException(where + ": kind | typed | catalog words | source expected");
        }
        var kind = Kind.valueOf(cells[0].strip().toUpperCase(java.util.Locale.ROOT));
        var typed = VietnameseText.words(cells[1]);
        var alternatives = Arrays.stream(cells[2].split("/")).map(VietnameseText::words).filter(w -> !w.isEmpty()).toList();
        if (kind == Kind.FILLER != alternatives.isEmpty()) {
            throw new IllegalArgumentException(where + ": a filler has no catalog words, every other entry has some");
        }
        if (cells[3].isBlank()) {
            throw new IllegalArgumentException(where + ": source missing");
        }
        return new Entry(kind, typed, alternatives, cells[3].strip());
    }
}
