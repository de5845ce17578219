package ru.kruzhok.faq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import ru.kruzhok.dialog.ReloadableContent;
import ru.kruzhok.municipality.Municipalities;

/**
 * Answers a parent's free-text question from the knowledge base in {@code dialogs/faq/}: the topic it
 * is about, how sure we are, the answer with the parent's municipality's figures, and the runners-up.
 * This is the FAQ feature's public surface; the dialog engine and {@code GET /api/faq/match} use it.
 * Staff's /reload re-reads the knowledge base; a broken file keeps the old one answering.
 */
@Service
public class FaqMatcher implements ReloadableContent {

    /** Longer questions are cut: nobody types more, and matching time must stay bounded. */
    public static final int MAX_QUESTION = 1000;

    private static final int MAX_ALTERNATIVES = 3;
    /** An out-of-scope kind this close to the best topic makes the match doubtful. */
    private static final double OUTSIDE_RIVAL = 0.7;
    private static final double MIN_ALTERNATIVE = 0.1;
    /** Runner-up this close to an answerable best topic: ask, do not guess (chosen on the development set). */
    private static final double TIE = 0.01;
    /** What the chat says when it offers a question to a person (for {@code GET /api/faq/match}). */
    public static final String HANDOVER_TEXT = "Я не нашёл точного ответа на этот вопрос. "
            + "Могу передать его специалисту МОЦ — он ответит здесь же.";

    /** What the chat does with a question. */
    public enum Decision {
        /** confidence ≥ high: show the answer, 👍/👎 and related topics */
        ANSWER,
        /** low ≤ confidence < high: «Возможно, вы имели в виду…» with {@code topic} and the alternatives as buttons */
        SUGGEST,
        /** confidence < low: no answer; offer to pass the question to the МОЦ (topic is null) */
        HANDOVER
    }

    /** Another topic the question may be about. */
    public record Alternative(String topic, double confidence) {
    }

    /**
     * @param topic        the best topic id, null when handing over
     * @param confidence   0..1, compared with {@code kruzhok.faq.high/low}
     * @param answer       the best topic's answer (light markup, placeholders filled), or the hand-over offer
     * @param alternatives runners-up, best first (for HANDOVER the best guesses, for staff context)
     * @param outside      the closest out-of-scope kind with its own confidence, or null
     */
    public record Match(String topic, double confidence, String answer, List<Alternative> alternatives,
                        Decision decision, Alternative outside) {

        /** The kind of out-of-scope question (dialogs/faq/outside.yaml) the text looks most like, if any. */
        public Optional<Alternative> outsideKind() {
            return Optional.ofNullable(outside);
        }
    }

    /** What dialogs/faq holds; replaced by /reload. Written under the lock, with {@link #accepted}. */
    private volatile FaqKnowledgeBase files;
    /** Paraphrases admins accepted, by topic; kept across reloads of the files. */
    private Map<String, List<String>> accepted = Map.of();
    /** The files plus accepted staff suggestions; replaced whole, so a match never sees half an update. */
    private volatile Loaded loaded;
    private final MunicipalValues values;
    private final FaqProperties properties;

    @Autowired
    FaqMatcher(FaqProperties properties, Municipalities municipalities) {
        this(FaqLoader.load(properties.directory()), new ConfiguredMunicipalValues(municipalities), properties);
    }

    FaqMatcher(FaqKnowledgeBase kb, MunicipalValues values, FaqProperties properties) {
        this.files = kb;
        this.loaded = new Loaded(kb);
        this.values = values;
        this.properties = properties;
    }

    /**
     * Reads and indexes {@code dialogs/faq/} again, with the accepted paraphrases; the old knowledge
     * base answers until {@link Staged#apply()}.
     */
    @Override
    public Staged stage() {
        FaqKnowledgeBase next = FaqLoader.load(properties.directory());
        Map<String, List<String>> acceptedNow;
        synchronized (this) {
            acceptedNow = accepted;
        }
        Loaded prepared = new Loaded(withParaphrases(next, acceptedNow));
        return new Staged() {
            @Override
            public String summary() {
                return "вопросы и ответы: тем " + next.topics().size();
            }

            @Override
            public void apply() {
                synchronized (FaqMatcher.this) {
                    files = next;
                    // an admin may have accepted a paraphrase since the files were staged
                    loaded = accepted == acceptedNow ? prepared : new Loaded(withParaphrases(next, accepted));
                }
            }
        };
    }

    /**
     * Matches a question.
     *
     * @param municipalityCode the parent's municipality, or null if unknown (answers then use neutral words)
     */
    public Match match(String question, String municipalityCode) {
        String q = question == null ? "" : question;
        if (q.length() > MAX_QUESTION) {
            q = q.substring(0, MAX_QUESTION);
        }
        Loaded current = loaded;
        List<FaqIndex.Candidate> ranked = current.index().rank(q);
        FaqIndex.Candidate best = null;
        FaqIndex.Candidate outsideAbove = null;
        List<FaqIndex.Candidate> rest = new ArrayList<>();
        for (FaqIndex.Candidate c : ranked) {
            if (c.outside()) {
                if (outsideAbove == null) {
                    outsideAbove = c;
                }
            } else if (best == null) {
                best = c;
            } else {
                rest.add(c);
            }
        }
        double confidence = best == null ? 0 : best.confidence();
        if (outsideAbove != null && outsideAbove.confidence() >= OUTSIDE_RIVAL * confidence) {
            // a question that looks as much like school, benefits or small talk as like a topic
            confidence *= 1 - outsideAbove.confidence();
        }
        confidence = round(confidence);
        Decision decision = confidence >= properties.high() ? Decision.ANSWER
                : confidence >= properties.low() ? Decision.SUGGEST : Decision.HANDOVER;
        if (decision == Decision.ANSWER && !rest.isEmpty() && rest.get(0).confidence() >= properties.high()
                && rest.get(0).score() >= best.score() - TIE) {
            // two topics fit the question about equally well: an answer would be a coin toss, while
            // «Возможно, вы имели в виду…» with both costs the parent one tap
            decision = Decision.SUGGEST;
        }

        List<Alternative> alternatives = new ArrayList<>();
        if (decision == Decision.HANDOVER && best != null && best.confidence() >= MIN_ALTERNATIVE) {
            alternatives.add(new Alternative(best.topicId(), round(best.confidence())));
        }
        for (FaqIndex.Candidate c : rest) {
            if (alternatives.size() == MAX_ALTERNATIVES || c.confidence() < MIN_ALTERNATIVE) {
                continue;
            }
            alternatives.add(new Alternative(c.topicId(), round(c.confidence())));
        }
        Alternative outside = outsideAbove == null ? null
                : new Alternative(outsideAbove.topicId(), round(outsideAbove.confidence()));
        if (decision == Decision.HANDOVER) {
            return new Match(null, confidence, HANDOVER_TEXT, List.copyOf(alternatives), decision, outside);
        }
        return new Match(best.topicId(), confidence, answer(current, best.topicId(), municipalityCode).orElseThrow(),
                List.copyOf(alternatives), decision, outside);
    }

    /** The best answerable topic before thresholds (for the evaluation's threshold sweep). */
    FaqIndex.Candidate bestInScope(String question) {
        return loaded.index().rank(question).stream().filter(c -> !c.outside()).findFirst().orElse(null);
    }

    /**
     * Adds the paraphrases admins accepted («в базу ответов») to their topics and rebuilds the index;
     * a topic that no longer exists in the files is skipped.
     */
    synchronized void useAcceptedParaphrases(Map<String, List<String>> accepted) {
        this.accepted = Map.copyOf(accepted);
        loaded = new Loaded(withParaphrases(files, this.accepted));
    }

    private static FaqKnowledgeBase withParaphrases(FaqKnowledgeBase files, Map<String, List<String>> accepted) {
        List<FaqTopic> topics = files.topics().stream().map(t -> {
            List<String> extra = accepted.getOrDefault(t.id(), List.of());
            if (extra.isEmpty()) {
                return t;
            }
            List<String> paraphrases = new ArrayList<>(t.paraphrases());
            paraphrases.addAll(extra);
            return new FaqTopic(t.id(), t.title(), t.category(), paraphrases, t.answer(), t.related(), t.action());
        }).toList();
        return new FaqKnowledgeBase(topics, files.outside(), files.synonyms(), files.filler(), files.subject(),
                files.domain());
    }

    private record Loaded(FaqKnowledgeBase kb, Map<String, FaqTopic> byId, FaqIndex index) {
        Loaded(FaqKnowledgeBase kb) {
            this(kb, kb.byId(), new FaqIndex(kb));
        }
    }

    /** The {@code n} answerable topics closest to a question, whatever the confidence (for staff to pick from). */
    List<String> likelyTopics(String question, int n) {
        return loaded.index().rank(question).stream().filter(c -> !c.outside()).map(FaqIndex.Candidate::topicId)
                .distinct().limit(n).toList();
    }

    /** Every answerable topic, in file order (for menus of topics by category). */
    public List<FaqTopic> topics() {
        return loaded.kb().topics();
    }

    public Optional<FaqTopic> topic(String id) {
        return Optional.ofNullable(loaded.byId().get(id));
    }

    /** A topic's answer with the municipality's values filled in (for a pressed topic button). */
    public Optional<String> answer(String topicId, String municipalityCode) {
        return answer(loaded, topicId, municipalityCode);
    }

    private Optional<String> answer(Loaded from, String topicId, String municipalityCode) {
        return Optional.ofNullable(from.byId().get(topicId))
                .map(t -> AnswerTemplate.fill(t.answer(), values.forMunicipality(municipalityCode)));
    }

    public double highThreshold() {
        return properties.high();
    }

    public double lowThreshold() {
        return properties.low();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
