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
 * Vietnamese as people type it into a search box: lower-cased, diacritics folded (đ → d), and the abbreviations
 * and everyday words officials and citizens use expanded into the words procedure names contain.
 */
final class VietnameseText {

    /** Folded abbreviation or everyday phrase → folded words of the catalog (rules digest §9; desk practice). */
    static final Map<String, String> EXPANSIONS = Map.ofEntries(
            Map.entry("cccd", "the can cuoc"),
            Map.entry("can cuoc cong dan", "the can cuoc"),
            Map.entry("cmnd", "chung minh nhan dan"),
            Map.entry("gpxd", "giay phep xay dung"),
            Map.entry("qsdd", "quyen su dung dat"),
            Map.entry("gcn", "giay chung nhan"),
            Map.entry("gcnqsdd", "giay chung nhan quyen su dung dat"),
            Map.entry("dkkd", "dang ky kinh doanh"),
            Map.entry("hkd", "ho kinh doanh"),
            Map.entry("dang ky ho kinh doanh", "dang ky thanh lap ho kinh doanh"),
            Map.entry("ubnd", "uy ban nhan dan"),
            Map.entry("gplx", "giay phep lai xe"),
            Map.entry("htx", "hop tac xa"),
            Map.entry("dn", "doanh nghiep"),
            Map.entry("llpt", "ly lich tu phap"),
            Map.entry("pccc", "phong chay chua chay"),
            Map.entry("attp", "an toan thuc pham"),
            Map.entry("bhxh", "bao hiem xa hoi"),
            Map.entry("bhyt", "bao hiem y te"),
            Map.entry("so do", "giay chung nhan quyen su dung dat"),
            Map.entry("so hong", "giay chung nhan quyen so huu nha o"),
            Map.entry("bang lai", "giay phep lai xe"),
            Map.entry("bang lai xe", "giay phep lai xe"),
            Map.entry("giay khai sinh", "khai sinh"),
            Map.entry("khai bao tam tru", "tam tru"),
            Map.entry("lam giay phep xay nha", "giay phep xay dung"),
            Map.entry("xay nha", "xay dung nha o"),
            Map.entry("lam can cuoc", "cap the can cuoc"),
            Map.entry("lam ho chieu", "cap ho chieu"),
            Map.entry("mo quan karaoke", "kinh doanh dich vu karaoke"),
            Map.entry("giay xac nhan doc than", "xac nhan tinh trang hon nhan"),
            Map.entry("doc than", "tinh trang hon nhan"),
            Map.entry("chet", "khai tu"),
            Map.entry("bao tu", "khai tu"),
            Map.entry("tach so", "tach thua"),
            Map.entry("cong chung hop dong", "chung thuc hop dong"),
            Map.entry("photo cong chung", "chung thuc ban sao tu ban chinh"),
            Map.entry("sao y", "chung thuc ban sao tu ban chinh"),
            Map.entry("mo cong ty", "dang ky thanh lap doanh nghiep"),
            Map.entry("thanh lap cong ty", "dang ky thanh lap doanh nghiep"),
            Map.entry("nha dat", "dat dai"));

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

    /** The query's words with abbreviations and everyday phrases replaced by the catalog's words (longest phrase first). */
    static List<String> expand(List<String> words) {
        var out = new ArrayList<String>();
        int i = 0;
        while (i < words.size()) {
            int matched = 0;
            for (int len = Math.min(5, words.size() - i); len >= 1 && matched == 0; len--) {
                String phrase = String.join(" ", words.subList(i, i + len));
                String expansion = EXPANSIONS.get(phrase);
                if (expansion != null) {
                    out.addAll(List.of(expansion.split(" ")));
                    matched = len;
                }
            }
            if (matched == 0) {
                out.add(words.get(i));
                matched = 1;
            }
            i += matched;
        }
        return out;
    }
}
