package io.safla.cognition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Okapi BM25 over memory texts, kept in step with the store by {@link #put}/{@link #remove} or rebuilt from a list.
 *
 * <p>Tokens are lower-case words; a compound identifier such as {@code db-prod-07} or {@code v2.14.3} is kept whole
 * and also split into its parts, because the whole token is what makes lexical matching beat embeddings on
 * identifiers (a sentence embedding barely tells {@code db-prod-07} from {@code db-prod-03}), while the parts keep
 * partial mentions findable. Not thread-safe: callers synchronise.
 */
public final class Bm25Index {

    public static final double DEFAULT_K1 = 1.2;
    public static final double DEFAULT_B = 0.75;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[._:/-][\\p{L}\\p{N}]+)*");
    private static final Pattern PART = Pattern.compile("[\\p{L}\\p{N}]+");

    private final double k1;
    private final double b;
    private final Map<String, Map<String, Integer>> termFrequencies = new HashMap<>();
    private final Map<String, Integer> lengths = new HashMap<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    /** Term to the documents holding it, so {@link #top} scores only documents sharing a term with the query. */
    private final Map<String, Set<String>> postings = new HashMap<>();

    private long totalLength;

    public Bm25Index() {
        this(DEFAULT_K1, DEFAULT_B);
    }

    public Bm25Index(double k1, double b) {
        if (!(k1 >= 0) || !(b >= 0 && b <= 1)) {
            throw new IllegalArgumentException("k1 must be >= 0 and b in [0, 1], got k1=" + k1 + ", b=" + b);
        }
        this.k1 = k1;
        this.b = b;
    }

    /** Lower-case tokens of {@code text}: whole compound identifiers and their parts, in order of appearance. */
    public static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(java.util.Locale.ROOT));
        while (m.find()) {
            String word = m.group();
            tokens.add(word);
            if (!PART.matcher(word).matches()) {
                Matcher p = PART.matcher(word);
                while (p.find()) {
                    tokens.add(p.group());
                }
            }
        }
        return tokens;
    }

    /** Indexes (or re-indexes) one document. */
    public void put(String id, String text) {
        remove(id);
        List<String> tokens = tokenize(text);
        Map<String, Integer> tf = new HashMap<>();
        for (String t : tokens) {
            tf.merge(t, 1, Integer::sum);
        }
        termFrequencies.put(id, tf);
        lengths.put(id, tokens.size());
        totalLength += tokens.size();
        for (String term : tf.keySet()) {
            documentFrequency.merge(term, 1, Integer::sum);
            postings.computeIfAbsent(term, t -> new HashSet<>()).add(id);
        }
    }

    public boolean remove(String id) {
        Map<String, Integer> tf = termFrequencies.remove(id);
        if (tf == null) {
            return false;
        }
        totalLength -= lengths.remove(id);
        for (String term : tf.keySet()) {
            documentFrequency.computeIfPresent(term, (k, n) -> n == 1 ? null : n - 1);
            Set<String> docs = postings.get(term);
            if (docs != null && docs.remove(id) && docs.isEmpty()) {
                postings.remove(term);
            }
        }
        return true;
    }

    /** Replaces the whole index with {@code documents} (id to text). */
    public void rebuild(Map<String, String> documents) {
        termFrequencies.clear();
        lengths.clear();
        documentFrequency.clear();
        postings.clear();
        totalLength = 0;
        documents.forEach(this::put);
    }

    public int size() {
        return termFrequencies.size();
    }

    public boolean contains(String id) {
        return termFrequencies.containsKey(id);
    }

    /** The BM25 score of one document for {@code query}; 0 for unknown ids or no shared term. */
    public double score(String query, String id) {
        return score(queryTerms(query), id);
    }

    /** Scores of the given documents (unknown ids score 0). */
    public Map<String, Double> scores(String query, Collection<String> ids) {
        Set<String> terms = queryTerms(query);
        Map<String, Double> out = new HashMap<>();
        for (String id : ids) {
            out.put(id, score(terms, id));
        }
        return out;
    }

    /** The {@code n} best-scoring documents with a positive score, best first (ties by id). */
    public List<Map.Entry<String, Double>> top(String query, int n) {
        Set<String> terms = queryTerms(query);
        Set<String> matching = new HashSet<>();
        for (String term : terms) {
            matching.addAll(postings.getOrDefault(term, Set.of()));
        }
        List<Map.Entry<String, Double>> all = new ArrayList<>();
        for (String id : matching) {
            double s = score(terms, id);
            if (s > 0) {
                all.add(Map.entry(id, s));
            }
        }
        all.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey));
        return all.subList(0, Math.min(n, all.size()));
    }

    private static Set<String> queryTerms(String query) {
        return new LinkedHashSet<>(tokenize(query));
    }

    private double score(Set<String> terms, String id) {
        Map<String, Integer> tf = termFrequencies.get(id);
        if (tf == null) {
            return 0;
        }
        int n = termFrequencies.size();
        double averageLength = n == 0 ? 0 : (double) totalLength / n;
        double norm = averageLength == 0 ? 1 : 1 - b + b * lengths.get(id) / averageLength;
        double sum = 0;
        for (String term : terms) {
            Integer f = tf.get(term);
            if (f == null) {
                continue;
            }
            int df = documentFrequency.getOrDefault(term, 0);
            // the "+1" form of idf (Lucene's) stays positive for terms in more than half the documents
            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            sum += idf * f * (k1 + 1) / (f + k1 * norm);
        }
        return sum;
    }
}
