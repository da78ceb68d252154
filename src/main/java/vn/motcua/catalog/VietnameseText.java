package vn.motcua.catalog;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Vietnamese as people type it into a search box: lower-cased and diacritics folded (đ → d). What the words stand
 * for (abbreviations, everyday words, Telex, typos) is read by {@link QueryReading}.
 */
final class VietnameseText {

    static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            var tokenizer = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(tokenizer);
            stream = new ASCIIFoldingFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    };

    /** Lower-cased but with diacritics kept: what a person typed with diacritics matches exactly here first. */
    static final Analyzer EXACT = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            var tokenizer = new StandardTokenizer();
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
        }
    };

    /** The index analyses {@code name_exact} with diacritics kept and everything else folded. */
    static final Analyzer INDEXING = new org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper(ANALYZER,
            Map.of("name_exact", EXACT));

    private VietnameseText() {
    }

    /**
     * Text as stored: composed (NFC) and with ordinary spaces. A fifth of the national export's rows carry
     * decomposed letters ("lâ" + U+0300 for "lầ"), which neither compare nor fold like the composed ones.
     */
    static String clean(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC).replace('\u00A0', ' ').strip();
    }

    /** The folded words of a text, in order. */
    static List<String> words(String text) {
        return tokens(ANALYZER, text);
    }

    /** The words of a text as typed (lower-cased, diacritics kept). */
    static List<String> exactWords(String text) {
        return tokens(EXACT, text);
    }

    /**
     * The text, HTML-escaped, with the words that match the query marked ({@code <mark>}); neighbouring marked
     * words share one mark. A word matches when its folded form is a query word, or starts with {@code prefix}
     * (the word still being typed).
     */
    static String highlight(String text, java.util.Set<String> words, String prefix) {
        var out = new StringBuilder();
        int last = 0;
        boolean open = false;
        try (var stream = ANALYZER.tokenStream("", text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            var offset = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String folded = term.toString();
                boolean hit = words.contains(folded) || (!prefix.isEmpty() && folded.startsWith(prefix));
                String gap = text.substring(last, offset.startOffset());
                if (open && (!hit || !gap.isBlank())) {
                    out.append("</mark>");
                    open = false;
                }
                out.append(org.springframework.web.util.HtmlUtils.htmlEscape(gap, "UTF-8"));
                if (hit && !open) {
                    out.append("<mark>");
                    open = true;
                }
                out.append(org.springframework.web.util.HtmlUtils.htmlEscape(text.substring(offset.startOffset(), offset.endOffset()), "UTF-8"));
                last = offset.endOffset();
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (open) {
            out.append("</mark>");
        }
        return out.append(org.springframework.web.util.HtmlUtils.htmlEscape(text.substring(last), "UTF-8")).toString();
    }

    private static List<String> tokens(Analyzer analyzer, String text) {
        var out = new ArrayList<String>();
        try (var stream = analyzer.tokenStream("", clean(text))) {
            var term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
