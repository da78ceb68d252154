package vn.motcua.catalog;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The in-memory Lucene index of the procedures in force. Names are searched with diacritics folded, abbreviations
 * expanded, one typo forgiven per word and whole phrases ranked first; a code finds its procedure first.
 * Rebuilt from the database at start and updated for every applied decision.
 */
final class ProcedureIndex implements AutoCloseable {

    /**
     * BM25 with weak length normalisation (b = 0.4 instead of 0.75): official names run long ("Thủ tục chứng thực
     * chữ ký trong các giấy tờ, văn bản (áp dụng cho cả…)") and the general procedure should not lose to a short
     * special case for being thorough.
     */
    private static final org.apache.lucene.search.similarities.Similarity SIMILARITY =
            new org.apache.lucene.search.similarities.BM25Similarity(1.2f, 0.4f);
    /** Names keep offsets in the postings, so the highlighter need not analyse them again. */
    private static final org.apache.lucene.document.FieldType NAME_TYPE = nameType();
    private static final Collator VIETNAMESE = Collator.getInstance(Locale.forLanguageTag("vi"));

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    ProcedureIndex() {
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(VietnameseText.INDEXING).setSimilarity(SIMILARITY));
            searchers = new SearcherManager(writer, new org.apache.lucene.search.SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader, org.apache.lucene.index.IndexReader previous) {
                    var searcher = new IndexSearcher(reader);
                    searcher.setSimilarity(SIMILARITY);
                    return searcher;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the index's content with these versions. */
    synchronized void rebuild(Collection<ProcedureVersion> versions) {
        try {
            writer.deleteAll();
            for (var version : versions) {
                writer.addDocument(document(version.record()));
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts the version now in force for each code, or removes the code when none is. */
    synchronized void update(String code, @Nullable ProcedureRecord inForce) {
        try {
            writer.deleteDocuments(new Term("code", code));
            if (inForce != null) {
                writer.addDocument(document(inForce));
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SearchResult search(ProcedureSearch search) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                String text = search.text() == null ? "" : search.text().strip();
                var understood = text.isEmpty() ? null : QueryReading.read(searcher.getIndexReader(), text);
                Query query = understood == null ? new MatchAllDocsQuery() : textQuery(understood, false);
                if (understood != null && searcher.count(withFilters(query, search)) < search.offset() + search.limit()) {
                    query = textQuery(understood, true); // few exact matches: forgive typos
                }
                Query rankedQuery = ranked(query, search.scope());
                if (understood != null && understood.code() == null && !understood.slots().isEmpty()) {
                    rankedQuery = new BooleanQuery.Builder().add(rankedQuery, Occur.MUST).add(wholeName(understood), Occur.SHOULD).build();
                }
                Query finalQuery = withFilters(rankedQuery, search);
                int wanted = search.offset() + search.limit();
                var top = understood == null
                        ? searcher.search(finalQuery, wanted, alphabetical(search.scope()))
                        : searcher.search(finalQuery, wanted);
                ScoreDoc[] docs = top.scoreDocs;
                int[] ids = new int[Math.max(0, docs.length - search.offset())];
                for (int i = search.offset(); i < docs.length; i++) {
                    ids[i - search.offset()] = docs[i].doc;
                }
                var wordSet = understood == null ? java.util.Set.<String>of() : understood.allWords();
                String prefix = understood == null ? "" : understood.typingPrefix();
                var items = new ArrayList<ProcedureHit>();
                var stored = searcher.storedFields();
                for (int i = 0; i < ids.length; i++) {
                    Document doc = stored.document(ids[i]);
                    String name = doc.get("name");
                    items.add(new ProcedureHit(doc.get("code"), doc.get("local_code"), name,
                            VietnameseText.highlight(name, wordSet, prefix), doc.get("field"),
                            CatalogStore.levels(doc.get("levels")), OnlineLevel.valueOf(doc.get("online")),
                            Float.isNaN(docs[i + search.offset()].score) ? 0 : docs[i + search.offset()].score));
                }
                return new SearchResult(top.totalHits.value(), items);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where the ministry-level procedures go. The province's desks receive the province's and communes' procedures;
     * the ministries' own (levels naming the ministry: 1,351 of the demo province's 3,604) rank after them unless
     * asked otherwise: their score counts {@link #MINISTRY_WEIGHT} times, so one still leads when it alone fits
     * the words well ("cấp giấy phép lái xe" is a ministry-level procedure in the national export).
     */
    static Query ranked(Query query, ProcedureScope scope) {
        var ministry = new TermQuery(new Term("ministry", "1"));
        return switch (scope) {
            case ALL -> query;
            case LOCAL -> new BooleanQuery.Builder().add(query, Occur.MUST).add(ministry, Occur.MUST_NOT).build();
            case LOCAL_FIRST -> new BooleanQuery.Builder()
                    .add(new BooleanQuery.Builder().add(query, Occur.MUST).add(ministry, Occur.MUST_NOT).build(), Occur.SHOULD)
                    .add(new BoostQuery(new BooleanQuery.Builder().add(query, Occur.MUST).add(ministry, Occur.FILTER).build(),
                            MINISTRY_WEIGHT), Occur.SHOULD)
                    .build();
        };
    }

    /** A ministry-level procedure's relevance counts this much beside the province's and communes' own. */
    static final float MINISTRY_WEIGHT = 0.5f;

    private static Sort alphabetical(ProcedureScope scope) {
        var byName = new SortField("name_sort", SortField.Type.STRING);
        return scope == ProcedureScope.ALL ? new Sort(byName) : new Sort(new SortField("ministry_rank", SortField.Type.INT), byName);
    }

    private static Query withFilters(Query query, ProcedureSearch search) {
        var filtered = new BooleanQuery.Builder().add(query, Occur.MUST);
        if (search.field() != null && !search.field().isBlank()) {
            filtered.add(new TermQuery(new Term("field_kw", search.field())), Occur.FILTER);
        }
        if (search.level() != null) {
            filtered.add(new TermQuery(new Term("level", search.level().name())), Occur.FILTER);
        }
        if (search.onlineLevel() != null) {
            filtered.add(new TermQuery(new Term("online", search.onlineLevel().name())), Occur.FILTER);
        }
        if (search.agency() != null && !search.agency().isBlank()) {
            var agency = new BooleanQuery.Builder();
            VietnameseText.words(search.agency()).forEach(w -> agency.add(new TermQuery(new Term("agency", w)), Occur.MUST));
            filtered.add(agency.build(), Occur.FILTER);
        }
        return filtered.build();
    }


    /**
     * Each slot of the query matched by any of its words, exactly or as a prefix while typing (and, when
     * {@code typos}, with one typo per word, two in long words); three quarters of the slots must match, everyday
     * verbs need not. The whole phrase ranks first, then names in the field the words name.
     */
    static Query textQuery(QueryReading.Reading reading, boolean typos) {
        if (reading.code() != null) {
            String text = reading.code();
            var query = new BooleanQuery.Builder();
            query.add(new BoostQuery(new TermQuery(new Term("code", text.substring(0, 8))), 100f), Occur.SHOULD);
            query.add(new BoostQuery(new TermQuery(new Term("local_code", text.toUpperCase(Locale.ROOT))), 100f), Occur.SHOULD);
            return query.build();
        }
        var slots = reading.slots();
        if (slots.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        var query = new BooleanQuery.Builder();
        var all = new BooleanQuery.Builder();
        int required = 0;
        for (int i = 0; i < slots.size(); i++) {
            var slot = slots.get(i);
            boolean last = i == slots.size() - 1;
            var one = new BooleanQuery.Builder();
            for (var alternative : slot.alternatives()) {
                if (alternative.size() == 1) {
                    wordClauses(one, alternative.getFirst(), typos && !slot.optional(), last && slot.single());
                } else {
                    one.add(new BoostQuery(new PhraseQuery("name", alternative.toArray(String[]::new)), 3f * alternative.size()), Occur.SHOULD);
                    one.add(new BoostQuery(new PhraseQuery("body", alternative.toArray(String[]::new)), 0.3f * alternative.size()), Occur.SHOULD);
                }
            }
            if (slot.optional()) {
                query.add(one.build(), Occur.SHOULD);
            } else {
                all.add(one.build(), Occur.SHOULD);
                required++;
            }
        }
        if (required > 0) {
            all.setMinimumNumberShouldMatch(Math.max(1, (int) Math.ceil(required * 0.75)));
            query.add(all.build(), Occur.MUST);
        } else {
            query.setMinimumNumberShouldMatch(1);
        }
        // words typed with diacritics ("lái") rank their exact form above folded look-alikes ("lại")
        for (String exact : reading.exactWords()) {
            if (!exact.chars().allMatch(c -> c < 128)) {
                query.add(new BoostQuery(new TermQuery(new Term("name_exact", exact)), 2f), Occur.SHOULD);
            }
        }
        // a province's desks mostly receive commune and provincial procedures
        query.add(new BoostQuery(new org.apache.lucene.search.ConstantScoreQuery(new TermQuery(new Term("level", "COMMUNE"))), 2f), Occur.SHOULD);
        query.add(new BoostQuery(new org.apache.lucene.search.ConstantScoreQuery(new TermQuery(new Term("level", "PROVINCE"))), 1f), Occur.SHOULD);
        var phrases = reading.phrases(4);
        for (var phrase : phrases) {
            if (phrase.size() > 1) {
                query.add(new BoostQuery(new PhraseQuery(1, "name", phrase.toArray(String[]::new)), 6f), Occur.SHOULD);
            }
        }
        // a situation's procedure ("bố tôi mất" → "đăng ký khai tử") ranks first though the sentence has other words
        for (var phrase : reading.namedPhrases()) {
            if (!phrases.contains(phrase)) {
                query.add(new BoostQuery(new PhraseQuery(1, "name", phrase.toArray(String[]::new)), 6f), Occur.SHOULD);
            }
        }
        if (!phrases.isEmpty() && phrases.getFirst().size() > 1) {
            var starts = new BooleanQuery.Builder();
            phrases.stream().map(List::getFirst).distinct().forEach(w -> starts.add(new TermQuery(new Term("name_start", w)), Occur.SHOULD));
            query.add(new BoostQuery(new org.apache.lucene.search.ConstantScoreQuery(starts.build()), 2f), Occur.SHOULD);
        }
        // "giấy phép xây dựng" is a building permit (field "Hoạt động xây dựng"), not a railway one (field "Đường sắt")
        for (var slot : slots) {
            if (!slot.optional() && slot.single()) {
                query.add(new BoostQuery(new TermQuery(new Term("field_text", slot.firstWord())), FIELD_BOOST), Occur.SHOULD);
            }
        }
        return query.build();
    }

    static final float FIELD_BOOST = 3f;

    /**
     * The whole name typed ("cấp giấy phép lái xe", "đổi giấy phép lái xe") is that procedure, whatever its level: this
     * bonus is added after the ministry weight of {@link #ranked}.
     */
    static Query wholeName(QueryReading.Reading reading) {
        var whole = new BooleanQuery.Builder();
        reading.phrases(4).forEach(p -> whole.add(new TermQuery(new Term("name_whole", String.join(" ", p))), Occur.SHOULD));
        return new BoostQuery(new org.apache.lucene.search.ConstantScoreQuery(whole.build()), 30f);
    }

    private static void wordClauses(BooleanQuery.Builder one, String w, boolean typos, boolean typing) {
        one.add(new BoostQuery(new TermQuery(new Term("name", w)), 3f), Occur.SHOULD);
        if (typos && w.length() >= 4) {
            one.add(new BoostQuery(new FuzzyQuery(new Term("name", w), w.length() >= 7 ? 2 : 1, 1, 20, true), 1f), Occur.SHOULD);
        }
        if (typing && w.length() >= 2) {
            one.add(new BoostQuery(new PrefixQuery(new Term("name", w)), 1f), Occur.SHOULD);
        }
        one.add(new BoostQuery(new TermQuery(new Term("body", w)), 0.3f), Occur.SHOULD);
    }

    private static Document document(ProcedureRecord r) {
        var doc = new Document();
        doc.add(new StringField("code", r.code(), Field.Store.YES));
        if (r.localCode() != null) {
            doc.add(new StringField("local_code", r.localCode().toUpperCase(Locale.ROOT), Field.Store.YES));
        }
        doc.add(new Field("name", r.name(), NAME_TYPE));
        doc.add(new TextField("name_exact", r.name(), Field.Store.NO));
        // "Thủ tục đăng ký khai sinh" starts with "đăng ký": people do not type "thủ tục"
        var named = VietnameseText.words(r.name());
        var first = named.size() > 2 && named.get(0).equals("thu") && named.get(1).equals("tuc") ? named.subList(2, named.size()) : named;
        doc.add(new StringField("name_start", first.isEmpty() ? "" : first.getFirst(), Field.Store.NO));
        doc.add(new StringField("name_whole", String.join(" ", first), Field.Store.NO));
        doc.add(new SortedDocValuesField("name_sort", new org.apache.lucene.util.BytesRef(
                VIETNAMESE.getCollationKey(r.name()).toByteArray())));
        doc.add(new StringField("field_kw", r.field(), Field.Store.YES));
        doc.add(new TextField("field_text", r.field(), Field.Store.NO));
        boolean ministry = r.levels().contains(ProcedureLevel.MINISTRY);
        doc.add(new StringField("ministry", ministry ? "1" : "0", Field.Store.NO));
        doc.add(new org.apache.lucene.document.NumericDocValuesField("ministry_rank", ministry ? 1 : 0));
        doc.add(new StoredField("field", r.field()));
        r.levels().forEach(l -> doc.add(new StringField("level", l.name(), Field.Store.NO)));
        doc.add(new StoredField("levels", String.join(",", r.levels().stream().map(Enum::name).toList())));
        doc.add(new StringField("online", r.onlineLevel().name(), Field.Store.YES));
        doc.add(new TextField("agency", r.implementingAgency() + " " + r.competentAgency(), Field.Store.NO));
        var body = new StringBuilder(r.field()).append(' ');
        r.documents().forEach(d -> body.append(d.name()).append(' '));
        r.results().forEach(x -> body.append(x).append(' '));
        doc.add(new TextField("body", body.toString(), Field.Store.NO));
        return doc;
    }

    private static org.apache.lucene.document.FieldType nameType() {
        var type = new org.apache.lucene.document.FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }
}
