package ru.kruzhok.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * An in-memory Lucene index over every paraphrase, and the ranking of a question against it.
 *
 * <p>The heavy lifting is Lucene's: the Snowball Russian stemmer, {@link SynonymGraphFilter} for
 * {@code synonyms.yaml}, {@link BM25Similarity} ranking, and {@link DirectSpellChecker} (Levenshtein
 * automata over the index's own words) for typos. What is written here is only the glue: normalising
 * the text, putting the pieces in order, and turning BM25's unbounded scores into a 0..1 confidence,
 * which Lucene does not offer because its scores only compare documents of one query.
 *
 * <p>Immutable after construction and safe to share between threads.
 */
final class FaqIndex {

    /**
     * A ranked topic; {@code outside} when it is one of the kinds of questions we hand over. {@code score}
     * orders the topics; {@code confidence} is capped by the topics above, so two topics can share it
     * while one is clearly ahead.
     */
    record Candidate(String topicId, boolean outside, double confidence, double score) {
    }

    private static final String TEXT = "text";
    private static final String SURFACE = "surface";
    private static final String TOPIC = "topic";
    private static final int RETRIEVE = 60;

    // Confidence = weighted shares of what the question and the best paraphrase have in common.
    // Tuned once on the evaluation set's in-scope/out-of-scope split, not per question.
    private static final double WEIGHT_FLOOR = 1.5;
    private static final double UNKNOWN_IDF_SHARE = 0.5;
    /** A question naming a domain word («сертификат») is ours; its unknown words are mostly the story around it. */
    private static final double UNKNOWN_IDF_SHARE_ANCHORED = 0.35;
    // W_QUESTION went from 0.45 to 0.35 on the development set written on 2026-12-04: a question's words
    // found across its topic's paraphrases count for more than those of one paraphrase — parents mix
    // words no single paraphrase has together.
    private static final double W_QUESTION = 0.35;
    private static final double W_PARAPHRASE = 0.4;
    /** How much more a subject word weighs than its idf says. */
    private static final double SUBJECT_WEIGHT = 1.5;
    /** How much less like an out-of-scope kind a question that names one of our own words is. */
    private static final double ANCHORED_OUTSIDE = 0.15;
    /** What a paraphrase that shares only question words («кто», «где», «не») with the question keeps. */
    private static final double FUNCTION_ONLY = 0.3;

    /** Stop words worth keeping: they tell apart «кто получает» from «как получить», «два кружка»… */
    private static final Set<String> MEANINGFUL = Set.of("не", "нет", "когда", "где", "кто", "куда", "зачем",
            "два", "три", "больше", "один", "другой", "без");

    private final Analyzer stemming;
    /** Stems of {@link #MEANINGFUL}: they tell topics apart but cannot make a match on their own. */
    private final Set<String> functionStems = new HashSet<>();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final DirectSpellChecker typos;
    private final DirectSpellChecker stemNeighbours;
    private final Set<String> outsideIds;
    private final List<Set<String>> docTerms = new ArrayList<>();
    private final List<String> docTopic = new ArrayList<>();
    private final Map<String, Set<String>> topicTerms = new HashMap<>();
    /** topic → stems of its subject words (synonyms.yaml {@code subject:}). */
    private final Map<String, Set<String>> topicSubject = new HashMap<>();
    /** topicTerms plus the topic's subject stems. */
    private final Map<String, Set<String>> topicTermsWithSubject = new HashMap<>();
    /** Stems of the domain words (synonyms.yaml {@code domain:}): a question with one is about additional education. */
    private final Set<String> anchors = new HashSet<>();
    /** Every subject stem of any topic. */
    private final Set<String> subjectStems = new HashSet<>();
    /** term → docFreq in TEXT, for every indexed term: ranking reads it for every word of every hit. */
    private final Map<String, Integer> textDocFreq = new HashMap<>();
    // The index never changes, so a word's correction and a stem's neighbours never change either;
    // finding them walks Levenshtein automata over the terms dictionary, the costliest step of a match.
    private final Cache<String, String> corrections = Caffeine.newBuilder().maximumSize(100_000).build();
    private final Cache<String, Map<String, Double>> neighbours = Caffeine.newBuilder().maximumSize(100_000).build();

    FaqIndex(FaqKnowledgeBase kb) {
        // Stop words are dropped before stemming: stemmed, «почти» would also remove «почта».
        CharArraySet stops = new CharArraySet(256, false);
        for (Object w : RussianAnalyzer.getDefaultStopSet()) {
            String word = new String((char[]) w);
            if (!MEANINGFUL.contains(word)) {
                stops.add(word);
            }
        }
        kb.filler().forEach(w -> stops.addAll(List.of(normalise(w).split(" "))));
        // Filler is dropped by its stem as well: «нашем районе», «хотели бы» say no more than «наш», «хотел».
        CharArraySet fillerStems = new CharArraySet(64, false);
        Analyzer bare = new StemAnalyzer(null, new CharArraySet(0, false), null);
        kb.filler().forEach(w -> fillerStems.addAll(tokens(bare, normalise(w))));
        MEANINGFUL.forEach(w -> functionStems.addAll(tokens(bare, w)));
        fillerStems.removeAll(functionStems);
        Analyzer plainStems = new StemAnalyzer(null, stops, fillerStems);
        this.stemming = new StemAnalyzer(synonymMap(kb, plainStems), stops, fillerStems);
        this.outsideIds = Set.copyOf(kb.outside().keySet());

        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        Map<String, Analyzer> perField = Map.of(TEXT, stemming, SURFACE, new WhitespaceAnalyzer());
        IndexWriterConfig config = new IndexWriterConfig(new org.apache.lucene.analysis.miscellaneous
                .PerFieldAnalyzerWrapper(new WhitespaceAnalyzer(), perField));
        config.setSimilarity(new BM25Similarity());
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            for (FaqTopic t : kb.topics()) {
                for (String p : t.paraphrases()) {
                    add(writer, t.id(), p);
                }
                add(writer, t.id(), t.title());
            }
            for (Map.Entry<String, List<String>> o : kb.outside().entrySet()) {
                for (String p : o.getValue()) {
                    add(writer, o.getKey(), p);
                }
            }
            // Words parents may misspell but that no paraphrase contains: synonym variants, filler.
            // They go into the spelling vocabulary only, never into ranking.
            StringBuilder extra = new StringBuilder();
            kb.synonyms().forEach(g -> g.forEach(w -> extra.append(normalise(w)).append(' ')));
            kb.filler().forEach(w -> extra.append(normalise(w)).append(' '));
            Document d = new Document();
            d.add(new Field(SURFACE, extra.toString(), TextField.TYPE_NOT_STORED));
            writer.addDocument(d);
            docTopic.add(null);
            docTerms.add(Set.of());
            writer.commit();
            this.reader = DirectoryReader.open(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the FAQ index", e);
        }
        for (Set<String> terms : docTerms) {
            terms.forEach(t -> textDocFreq.merge(t, 1, Integer::sum));
        }
        // A subject word belongs to its topic even where no paraphrase of it says that word.
        // A word most topics use («сертификат» in «статус сертификата») tells none of them apart, so it
        // is no subject, though it is part of a subject phrase.
        Map<String, Integer> topicFreq = new HashMap<>();
        topicTerms.values().forEach(terms -> terms.forEach(t -> topicFreq.merge(t, 1, Integer::sum)));
        int common = Math.max(2, topicTerms.size() / 4);
        kb.subject().forEach((topic, words) -> {
            Set<String> stems = new HashSet<>();
            words.forEach(w -> stems.addAll(tokens(stemming, normalise(w))));
            stems.removeAll(functionStems);
            stems.removeIf(t -> topicFreq.getOrDefault(t, 0) > common);
            topicSubject.put(topic, stems);
            subjectStems.addAll(stems);
            Set<String> with = new HashSet<>(topicTerms.getOrDefault(topic, Set.of()));
            with.addAll(stems);
            topicTermsWithSubject.put(topic, with);
        });
        kb.domain().forEach(w -> anchors.addAll(tokens(stemming, normalise(w))));
        anchors.removeAll(functionStems);
        this.searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity());

        // One edit only: two-edit automata made the slowest 1% of matches ~3× slower (benchmark), and
        // a second slip in the ending is mostly absorbed by stemming and the stem neighbours below.
        this.typos = speller(1, 4, 1, 0.74f);
        this.stemNeighbours = speller(1, 5, 3, 0.74f);
        // by default a frequent term is assumed right and gets no neighbours; a paraphrase's typo
        // («сертефикат») can be frequent too, and both spellings must meet
        stemNeighbours.setMaxQueryFrequency(0.99f); // a fraction of documents; 1 or more would be a count
    }

    private void add(IndexWriter writer, String topic, String text) throws IOException {
        String norm = prepare(text);
        Document d = new Document();
        d.add(new Field(TEXT, norm, TextField.TYPE_NOT_STORED));
        d.add(new Field(SURFACE, norm, TextField.TYPE_NOT_STORED));
        d.add(new StoredField(TOPIC, topic));
        writer.addDocument(d);
        docTopic.add(topic);
        Set<String> terms = new HashSet<>(tokens(stemming, norm));
        docTerms.add(terms);
        topicTerms.computeIfAbsent(topic, k -> new HashSet<>()).addAll(terms);
    }

    /**
     * Topics for a question, best first, each with a confidence in 0..1 that it is what was asked.
     * Empty when nothing in the question resembles the knowledge base.
     */
    List<Candidate> rank(String question) {
        try {
            return doRank(question);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lower case, ё→е, and only letters: emoji, punctuation and numbers carry nothing here. */
    static String normalise(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('ё', 'е');
        StringBuilder sb = new StringBuilder(lower.length());
        boolean space = true;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                sb.appendCodePoint(cp);
                space = false;
            } else if (!space) {
                // digits too become spaces: "4 года", "2000 рублей" say nothing about the topic
                sb.append(' ');
                space = true;
            }
        }
        return sb.toString().strip();
    }

    /**
     * Two readings the words alone lose, added as marker words before analysis, to paraphrases and
     * questions alike (so their weight is an ordinary idf):
     * <ul>
     * <li>an age («4 года», «ребенку 17 лет»): a number up to 18 before лет/год/годик/месяцев becomes
     * {@value #AGE} — the digits are dropped anyway, and the bare «года» would read as the
     * certificate's yearly period (validity, nominal) while an age asks who is entitled;</li>
     * <li>a definition question («что это», «что такое», «что за», «это что», «что значит»): every word
     * of it is a stop or filler word, so without the marker «что за сертификат такой» reads as just
     * «сертификат», and the long messages around it bury the one thing asked.</li>
     * </ul>
     */
    static String prepare(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('ё', 'е');
        java.util.regex.Matcher age = AGE_PATTERN.matcher(lower);
        StringBuilder sb = new StringBuilder();
        while (age.find()) {
            int years = Integer.parseInt(age.group(1));
            age.appendReplacement(sb, years <= 18 ? " " + AGE + " " : java.util.regex.Matcher.quoteReplacement(age.group()));
        }
        age.appendTail(sb);
        String norm = normalise(sb.toString());
        if (DEFINITION_PATTERN.matcher(" " + norm + " ").find()) {
            norm = norm + " " + DEFINITION;
        }
        return norm;
    }

    /** The marker word of an age in a question (see {@link #prepare}). */
    static final String AGE = "возраст";
    /** The marker word of a definition question (see {@link #prepare}); subject words may name it. */
    static final String DEFINITION = "чтоэто";
    private static final java.util.regex.Pattern AGE_PATTERN = java.util.regex.Pattern.compile(
            "(?<![\\d.,])(\\d{1,2})\\s*-?\\s*(?:х\\s*)?(лет|год|года|годик|годика|годиков|мес|месяц|месяца|месяцев)(?![а-я])");
    private static final java.util.regex.Pattern DEFINITION_PATTERN = java.util.regex.Pattern.compile(
            " (что (это|такое|за|значит|из себя|означает|представляет)|это что|чем является|для чего) ");

    /** What the question was read as: corrected words and stems (for tuning and for staff). */
    String explain(String question) {
        try {
            Reading r = read(question);
            return "words: " + r.corrected + " | terms: " + r.alternatives + " | typo factor " + r.typoFactor;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The question after typo correction and analysis; {@code alternatives}: term → stems it may match, with a weight. */
    private record Reading(String corrected, Map<String, Map<String, Double>> alternatives, double typoFactor) {
    }

    private Reading read(String question) throws IOException {
        // 1. Typos: a word the knowledge base never uses is replaced by its nearest word that it does
        //    (Levenshtein distance 1, first letter kept), and the confidence pays a little for it.
        double typoFactor = 1.0;
        StringBuilder corrected = new StringBuilder();
        for (String word : prepare(question).split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String fix = corrections.get(word, this::correct);
            if (!fix.isEmpty()) {
                // "score|word": how close the correction is, and the word
                int bar = fix.indexOf('|');
                typoFactor *= 0.6 + 0.4 * Double.parseDouble(fix.substring(0, bar));
                word = fix.substring(bar + 1);
            }
            corrected.append(word).append(' ');
        }
        // 2. Stems, synonyms read as their group's first word, stop and filler words dropped.
        // 3. Each term may also match stems one edit away (misspelt or oddly stemmed paraphrases).
        Map<String, Map<String, Double>> alternatives = new LinkedHashMap<>();
        for (String t : new LinkedHashSet<>(tokens(stemming, corrected.toString()))) {
            alternatives.put(t, neighbours.get(t, this::stemAlternatives));
        }
        return new Reading(corrected.toString().strip(), alternatives, typoFactor);
    }

    private static DirectSpellChecker speller(int maxEdits, int minLength, int minPrefix, float accuracy) {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMaxEdits(maxEdits);
        checker.setMinQueryLength(minLength);
        checker.setMinPrefix(minPrefix);
        checker.setAccuracy(accuracy);
        return checker;
    }

    /** "" when the word needs no correction, else "score|replacement". */
    private String correct(String word) {
        try {
            if (word.length() < 4 || reader.docFreq(new Term(SURFACE, word)) > 0 || knownStem(word)) {
                return "";
            }
            SuggestWord[] s = typos.suggestSimilar(new Term(SURFACE, word), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            return s.length == 0 ? "" : s[0].score + "|" + s[0].string;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stem itself if indexed (weight 1) and indexed stems one edit away (weight 0.8). */
    private Map<String, Double> stemAlternatives(String stem) {
        Map<String, Double> alts = new LinkedHashMap<>();
        if (docFreq(stem) > 0) {
            alts.put(stem, 1.0);
        }
        try {
            for (SuggestWord s : stemNeighbours.suggestSimilar(new Term(TEXT, stem), 3, reader, SuggestMode.SUGGEST_ALWAYS)) {
                alts.putIfAbsent(s.string, 0.8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return java.util.Collections.unmodifiableMap(alts);
    }

    /** Another form of a word we know («сертификаты» when paraphrases say «сертификата») is not a typo. */
    private boolean knownStem(String word) {
        List<String> stems = tokens(stemming, word);
        return stems.isEmpty() || stems.stream().allMatch(t -> docFreq(t) > 0);
    }

    private List<Candidate> doRank(String question) throws IOException {
        Reading reading = read(question);
        if (reading.alternatives().isEmpty()) {
            return List.of();
        }
        int n = reader.getDocCount(TEXT);
        // A term's weight is its BM25 idf plus a floor: a word every topic shares («сертификат») still
        // tells the certificate apart from the МОЦ. A word the knowledge base does not know at all
        // weighs like a rare one: questions about school meals or the weather are full of them.
        Map<String, Double> weight = new HashMap<>();
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean anchored = reading.alternatives().values().stream().anyMatch(alts -> alts.keySet().stream()
                .anyMatch(anchors::contains));
        double unknownShare = anchored ? UNKNOWN_IDF_SHARE_ANCHORED : UNKNOWN_IDF_SHARE;
        for (Map.Entry<String, Map<String, Double>> e : reading.alternatives().entrySet()) {
            Map<String, Double> alts = e.getValue();
            if (alts.isEmpty()) {
                weight.put(e.getKey(), WEIGHT_FLOOR + unknownShare * idf(n, 0));
                continue;
            }
            int df = alts.keySet().stream().mapToInt(this::docFreq).max().orElse(0);
            weight.put(e.getKey(), WEIGHT_FLOOR + idf(n, df));
            List<Query> disjuncts = new ArrayList<>();
            alts.forEach((alt, boost) -> disjuncts.add(new BoostQuery(new TermQuery(new Term(TEXT, alt)), boost.floatValue())));
            query.add(new DisjunctionMaxQuery(disjuncts, 0f), BooleanClause.Occur.SHOULD);
        }
        // A subject word («остаток», «переезд») says what the question is about: it weighs more in the
        // question, and that extra weight is found only by the topics it is the subject of.
        double total = weight.values().stream().mapToDouble(Double::doubleValue).sum();
        double subjectTotal = weight.entrySet().stream()
                .mapToDouble(w -> w.getValue() * (subjectStems.contains(w.getKey()) ? SUBJECT_WEIGHT : 1)).sum();

        // 4. BM25 over the paraphrases finds the candidates and their best paraphrase…
        ScoreDoc[] hits = searcher.search(query.build(), RETRIEVE).scoreDocs;
        if (hits.length == 0) {
            return List.of();
        }
        Map<String, double[]> byTopic = new LinkedHashMap<>(); // topic -> {ranking score, BM25 score, confidence}
        Map<String, double[]> topicCover = new HashMap<>();
        for (ScoreDoc hit : hits) {
            String topic = docTopic.get(hit.doc);
            Set<String> doc = docTerms.get(hit.doc);
            Set<String> subject = topicSubject.getOrDefault(topic, Set.of());
            // …and the confidence says how much of the question the paraphrase and its topic share,
            // and how much of the paraphrase the question covers. It is read twice: plainly (how sure
            // we are that the question is this topic at all) and with the subject words weighing more
            // (which of the topics it is): subject words pick the topic, they never make a question
            // about a passport or a benefit look like ours.
            Set<String> used = new HashSet<>();
            double coverQ = cover(reading, weight, doc, Set.of(), used) / total;
            double coverQs = cover(reading, weight, doc, subject, new HashSet<>()) / subjectTotal;
            double[] coverT = topicCover.computeIfAbsent(topic, k -> {
                Set<String> shared = new HashSet<>();
                double plain = cover(reading, weight, topicTerms.get(k), Set.of(), shared) / total;
                double bySubject = cover(reading, weight, topicTermsWithSubject.getOrDefault(k, topicTerms.get(k)),
                        subject, new HashSet<>()) / subjectTotal;
                shared.retainAll(anchors);
                return new double[] {plain, bySubject, shared.isEmpty() ? 0 : 1};
            });
            double docTotal = 0;
            double docMatched = 0;
            for (String d : doc) {
                double w = (WEIGHT_FLOOR + idf(n, docFreq(d)));
                docTotal += w;
                if (used.contains(d)) {
                    docMatched += w;
                }
            }
            double coverD = docTotal == 0 ? 0 : docMatched / docTotal;
            // The question's share dominates: words we do not know mark questions about something else.
            double paraphraseShare = (1 - W_PARAPHRASE + W_PARAPHRASE * coverD) * reading.typoFactor();
            if (functionStems.containsAll(used)) {
                // «кто ты», «а где?»: only a question word in common says nothing of the topic
                paraphraseShare *= FUNCTION_ONLY;
            }
            double confidence = (W_QUESTION * coverQ + (1 - W_QUESTION) * coverT[0]) * paraphraseShare;
            double score = (W_QUESTION * coverQs + (1 - W_QUESTION) * coverT[1]) * paraphraseShare;
            if (coverT[2] > 0) {
                // the question also names something only our topics speak of («сертификат», «кружок»):
                // then its subject words say how sure we are, too
                confidence = score;
            }
            // a topic is as good as its best paraphrase: by the subject-weighted score, BM25 breaking ties
            double[] prev = byTopic.get(topic);
            if (prev == null || score > prev[0] || (score == prev[0] && hit.score > prev[1])) {
                byTopic.put(topic, new double[] {score, hit.score, Math.max(confidence, prev == null ? 0 : prev[2])});
            } else {
                prev[2] = Math.max(prev[2], confidence);
            }
        }
        List<Map.Entry<String, double[]>> ordered = new ArrayList<>(byTopic.entrySet());
        ordered.sort(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> e.getValue()[0])
                .thenComparingDouble(e -> e.getValue()[1]).reversed());
        // A question that names something only our topics speak of («свидетельство о рождении для
        // сертификата») is less likely one of the kinds we hand over, however much else it shares with them.
        double outsideFactor = anchored ? 1 - ANCHORED_OUTSIDE : 1;
        List<Candidate> result = new ArrayList<>(ordered.size());
        // confidences fall along the order, answerable topics and out-of-scope kinds each on their own
        double lastTopic = 1;
        double lastOutside = 1;
        for (Map.Entry<String, double[]> e : ordered) {
            boolean outside = outsideIds.contains(e.getKey());
            double c = Math.min(clamp(e.getValue()[2] * (outside ? outsideFactor : 1)), outside ? lastOutside : lastTopic);
            if (outside) {
                lastOutside = c;
            } else {
                lastTopic = c;
            }
            result.add(new Candidate(e.getKey(), outside, c, e.getValue()[0]));
        }
        return result;
    }

    /** Weighted share of the question's terms found in {@code terms}; fills {@code used} with what matched. */
    private static double cover(Reading reading, Map<String, Double> weight, Set<String> terms, Set<String> subject,
                                Set<String> used) {
        double matched = 0;
        for (Map.Entry<String, Map<String, Double>> e : reading.alternatives().entrySet()) {
            double best = 0;
            String bestAlt = null;
            for (Map.Entry<String, Double> alt : e.getValue().entrySet()) {
                if (alt.getValue() > best && terms.contains(alt.getKey())) {
                    best = alt.getValue();
                    bestAlt = alt.getKey();
                }
            }
            if (bestAlt != null) {
                used.add(bestAlt);
                matched += weight.get(e.getKey()) * best * (subject.contains(e.getKey()) ? SUBJECT_WEIGHT : 1);
            }
        }
        return matched;
    }

    private int docFreq(String term) {
        return textDocFreq.getOrDefault(term, 0);
    }

    /** BM25's inverse document frequency, as {@link BM25Similarity} computes it. */
    private static double idf(int docCount, int docFreq) {
        return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Synonym groups in stemmed form, every variant rewritten to its group's first entry. */
    private static SynonymMap synonymMap(FaqKnowledgeBase kb, Analyzer plainStems) {
        if (kb.synonyms().isEmpty()) {
            return null;
        }
        SynonymMap.Builder builder = new SynonymMap.Builder(true);
        for (List<String> group : kb.synonyms()) {
            List<String> canonical = tokens(plainStems, normalise(group.get(0)));
            if (canonical.isEmpty()) {
                continue;
            }
            CharsRef output = SynonymMap.Builder.join(canonical.toArray(String[]::new), new CharsRefBuilder());
            for (String variant : group.subList(1, group.size())) {
                List<String> input = tokens(plainStems, normalise(variant));
                if (!input.isEmpty() && !input.equals(canonical)) {
                    builder.add(SynonymMap.Builder.join(input.toArray(String[]::new), new CharsRefBuilder()), output, false);
                }
            }
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Standard tokenizer → lower case → stop and filler words → Snowball Russian stems → synonyms. */
    private static final class StemAnalyzer extends Analyzer {
        private final SynonymMap synonyms;
        private final CharArraySet stops;
        private final CharArraySet fillerStems;

        StemAnalyzer(SynonymMap synonyms, CharArraySet stops, CharArraySet fillerStems) {
            this.synonyms = synonyms;
            this.stops = stops;
            this.fillerStems = fillerStems;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream ts = new LowerCaseFilter(source);
            ts = new StopFilter(ts, stops);
            ts = new SnowballFilter(ts, new RussianStemmer());
            if (fillerStems != null && !fillerStems.isEmpty()) {
                ts = new StopFilter(ts, fillerStems);
            }
            if (synonyms != null) {
                ts = new FlattenGraphFilter(new SynonymGraphFilter(ts, synonyms, true));
            }
            return new TokenStreamComponents(source, ts);
        }
    }
}
