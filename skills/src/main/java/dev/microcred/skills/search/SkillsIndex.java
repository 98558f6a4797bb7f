package dev.microcred.skills.search;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.skills.graph.Framework;
import dev.microcred.skills.graph.Occupation;
import dev.microcred.skills.graph.Skill;
import dev.microcred.skills.graph.SkillType;
import dev.microcred.skills.graph.SkillsGraph;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An in-memory Lucene index over the labels, alternative labels and descriptions of the occupations and skills of a
 * {@link SkillsGraph}. Built once by {@link #of(SkillsGraph)} (1–5 s for the bundled graph on a shared 2-core machine), then immutable
 * and thread-safe.
 *
 * <p>Scoring: BM25 per field, each query term scored as the best of preferred label (×3), alternative labels (×2) and
 * description (×0.3); a phrase match on a label adds ×2, an exact label match ×5. Queries are analysed like the
 * labels ({@code LabelAnalyzer}: English stop words, Porter stemming), so "welding" finds "welder" and "weld".
 */
public final class SkillsIndex {
    private static final String ID = "id";
    private static final String KIND = "kind";
    private static final String FRAMEWORK = "framework";
    private static final String LABEL = "label";
    private static final String ALT = "alt";
    private static final String DESC = "desc";
    private static final String EXACT = "exact";
    private static final int MAX_QUERY_TERMS = 64;

    private final SkillsGraph graph;
    private final LabelAnalyzer analyzer;
    private final IndexSearcher searcher;

    private SkillsIndex(SkillsGraph graph, LabelAnalyzer analyzer, IndexSearcher searcher) {
        this.graph = graph;
        this.analyzer = analyzer;
        this.searcher = searcher;
    }

    /** Indexes every occupation and every non-group skill node of {@code graph}. */
    public static SkillsIndex of(SkillsGraph graph) {
        LabelAnalyzer analyzer = new LabelAnalyzer();
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64))) {
            for (Occupation o : graph.occupations()) {
                w.addDocument(doc(o.id(), SearchKind.OCCUPATION, o.framework(), o.label(), o.altLabels(), o.description()));
            }
            for (Skill s : graph.skills()) {
                if (s.type() == SkillType.GROUP) continue;
                w.addDocument(doc(s.id(), SearchKind.SKILL, s.framework(), s.label(), s.altLabels(), s.description()));
            }
        } catch (IOException e) {
            throw new MicrocredException(Problem.IO_ERROR, "cannot build the skills index", e);
        }
        try {
            return new SkillsIndex(graph, analyzer, new IndexSearcher(DirectoryReader.open(dir)));
        } catch (IOException e) {
            throw new MicrocredException(Problem.IO_ERROR, "cannot open the skills index", e);
        }
    }

    private static Document doc(String id, SearchKind kind, Framework framework, String label, List<String> alts,
                                String description) {
        Document d = new Document();
        d.add(new StringField(ID, id, Field.Store.YES));
        d.add(new StringField(KIND, kind.name(), Field.Store.NO));
        d.add(new StringField(FRAMEWORK, framework.name(), Field.Store.NO));
        d.add(new TextField(LABEL, label, Field.Store.YES));
        d.add(new StringField(EXACT, exact(label), Field.Store.NO));
        for (String alt : alts) {
            d.add(new TextField(ALT, alt, Field.Store.YES));
            d.add(new StringField(EXACT, exact(alt), Field.Store.NO));
        }
        if (!description.isEmpty()) {
            d.add(new TextField(DESC, description, Field.Store.NO));
        }
        return d;
    }

    private static String exact(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    /** The graph this index was built from. */
    public SkillsGraph graph() {
        return graph;
    }

    /** Up to {@code limit} occupations or skills of both frameworks matching {@code query}, best first. */
    public List<SearchHit> search(String query, SearchKind kind, int limit) {
        return search(query, kind, null, limit);
    }

    /**
     * Up to {@code limit} occupations or skills matching {@code query}, best first.
     *
     * @param framework only this framework; null for both
     * @throws MicrocredException {@link Problem#INVALID_REQUEST} when {@code limit} is not in 1..1000
     */
    public List<SearchHit> search(String query, SearchKind kind, Framework framework, int limit) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(kind, "kind");
        checkLimit(limit);
        List<String> terms = distinct(analyzer.terms(query));
        if (terms.isEmpty()) return List.of();
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : terms) {
            b.add(termQuery(t, 1f), Occur.SHOULD);
        }
        addPhrases(b, analyzer.terms(query), 1f);
        b.add(new BoostQuery(new TermQuery(new Term(EXACT, exact(query))), 5f), Occur.SHOULD);
        return run(b, kind, framework, limit, terms);
    }

    /**
     * Skills to align an achievement to, best first: the achievement's name weighs twice its description; a phrase of
     * the name found in a skill label weighs more.
     *
     * @param description may be empty
     */
    public List<SearchHit> suggestSkills(String achievementName, String description, int limit) {
        Objects.requireNonNull(achievementName, "achievementName");
        Objects.requireNonNull(description, "description");
        checkLimit(limit);
        List<String> nameTerms = analyzer.terms(achievementName);
        List<String> descTerms = distinct(analyzer.terms(description));
        Set<String> all = new LinkedHashSet<>(distinct(nameTerms));
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : distinct(nameTerms)) {
            b.add(termQuery(t, 2f), Occur.SHOULD);
        }
        for (String t : descTerms) {
            if (all.size() >= MAX_QUERY_TERMS) break;
            if (all.add(t)) b.add(termQuery(t, 1f), Occur.SHOULD);
        }
        if (all.isEmpty()) return List.of();
        addPhrases(b, nameTerms, 2f);
        b.add(new BoostQuery(new TermQuery(new Term(EXACT, exact(achievementName))), 10f), Occur.SHOULD);
        return run(b, SearchKind.SKILL, null, limit, new ArrayList<>(all));
    }

    /** The analysed terms of a text (stemmed, lower case, no stop words); package use: the crosswalk. */
    List<String> terms(String text) {
        return analyzer.terms(text);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "limit must be 1..1000, was " + limit);
        }
    }

    private static List<String> distinct(List<String> terms) {
        List<String> out = new ArrayList<>(new LinkedHashSet<>(terms));
        return out.size() > MAX_QUERY_TERMS ? out.subList(0, MAX_QUERY_TERMS) : out;
    }

    private static Query termQuery(String term, float boost) {
        Query q = new DisjunctionMaxQuery(List.of(
            new BoostQuery(new TermQuery(new Term(LABEL, term)), 3f),
            new BoostQuery(new TermQuery(new Term(ALT, term)), 2f),
            new BoostQuery(new TermQuery(new Term(DESC, term)), 0.3f)), 0.1f);
        return boost == 1f ? q : new BoostQuery(q, boost);
    }

    private static void addPhrases(BooleanQuery.Builder b, List<String> terms, float boost) {
        if (terms.size() < 2 || terms.size() > 8) return;
        b.add(new BoostQuery(new PhraseQuery(1, LABEL, terms.toArray(String[]::new)), 2f * boost), Occur.SHOULD);
        b.add(new BoostQuery(new PhraseQuery(1, ALT, terms.toArray(String[]::new)), 1.5f * boost), Occur.SHOULD);
    }

    private List<SearchHit> run(BooleanQuery.Builder b, SearchKind kind, Framework framework, int limit,
                                List<String> queryTerms) {
        b.setMinimumNumberShouldMatch(1);
        b.add(new TermQuery(new Term(KIND, kind.name())), Occur.FILTER);
        if (framework != null) b.add(new TermQuery(new Term(FRAMEWORK, framework.name())), Occur.FILTER);
        try {
            ScoreDoc[] docs = searcher.search(b.build(), limit).scoreDocs;
            StoredFields stored = searcher.storedFields();
            List<SearchHit> hits = new ArrayList<>(docs.length);
            Set<String> wanted = new HashSet<>(queryTerms);
            for (ScoreDoc sd : docs) {
                Document d = stored.document(sd.doc);
                String id = d.get(ID);
                String label = d.get(LABEL);
                hits.add(new SearchHit(id, kind == SearchKind.OCCUPATION
                    ? graph.requireOccupation(id).framework() : graph.requireSkill(id).framework(),
                    kind, label, bestLabel(label, d.getValues(ALT), wanted), sd.score));
            }
            return List.copyOf(hits);
        } catch (IOException e) {
            throw new MicrocredException(Problem.IO_ERROR, "skills index search failed", e);
        }
    }

    /** The label sharing most terms with the query; the preferred label on ties. */
    private String bestLabel(String label, String[] alts, Set<String> wanted) {
        String best = label;
        double bestScore = overlap(label, wanted);
        for (String alt : alts) {
            double s = overlap(alt, wanted);
            if (s > bestScore) {
                best = alt;
                bestScore = s;
            }
        }
        return best;
    }

    private double overlap(String text, Set<String> wanted) {
        List<String> t = analyzer.terms(text);
        if (t.isEmpty()) return 0;
        long shared = t.stream().distinct().filter(wanted::contains).count();
        return shared - 0.01 * t.size(); // prefer the shorter label among equal overlaps
    }
}
