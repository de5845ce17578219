package ru.kruzhok.faq;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A knowledge base the size of a large region's for benchmarks: the real topics plus generated ones,
 * each with its own vocabulary built from Russian-looking syllables and the real paraphrases' words.
 */
public final class SyntheticKnowledgeBase {

    private static final String[] SYLLABLES = {"ка", "ро", "ми", "ту", "ле", "на", "за", "пи", "со", "гу", "вы",
            "ре", "до", "ло", "ни", "ска", "про", "тра", "ври", "сто", "мен", "дар", "нос", "лик", "вер"};
    private static final String[] ENDINGS = {"", "а", "ы", "ов", "ами", "ом", "е", "ть", "ется", "ить"};

    private final FaqMatcher matcher;
    private final List<String> questions = new ArrayList<>();

    /**
     * @param topics      how many topics in all (the real ones included)
     * @param paraphrases paraphrases of each generated topic
     */
    public SyntheticKnowledgeBase(int topics, int paraphrases, long seed) {
        Random random = new Random(seed);
        FaqKnowledgeBase real = FaqLoader.load("dialogs/faq");
        List<String> realWords = new ArrayList<>();
        real.topics().forEach(t -> t.paraphrases().forEach(p -> realWords.addAll(List.of(FaqIndex.normalise(p).split(" ")))));
        List<FaqTopic> all = new ArrayList<>(real.topics());
        for (int i = all.size(); i < topics; i++) {
            List<String> own = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                own.add(word(random));
            }
            List<String> list = new ArrayList<>();
            for (int p = 0; p < paraphrases; p++) {
                StringBuilder sb = new StringBuilder();
                int length = 3 + random.nextInt(5);
                for (int w = 0; w < length; w++) {
                    String stem = random.nextInt(3) == 0 ? realWords.get(random.nextInt(realWords.size()))
                            : own.get(random.nextInt(own.size())) + ENDINGS[random.nextInt(ENDINGS.length)];
                    sb.append(stem).append(' ');
                }
                list.add(sb.toString().strip());
            }
            all.add(new FaqTopic("synthetic.topic-" + i, "Тема " + i, "Синтетика", list, "Ответ на тему " + i
                    + ", номинал {certificate.value}.", List.of(), null));
            questions.add(typo(list.get(random.nextInt(list.size())), random));
        }
        FaqKnowledgeBase kb = new FaqKnowledgeBase(all, real.outside(), real.synonyms(), real.filler());
        this.matcher = new FaqMatcher(kb, TestMatchers::values, TestMatchers.PROPERTIES);
        try {
            FaqEvaluationTest.read().forEach(l -> questions.add(l.question()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (int i = 0; i < 200; i++) {
            FaqTopic t = real.topics().get(random.nextInt(real.topics().size()));
            questions.add(typo(t.paraphrases().get(random.nextInt(t.paraphrases().size())), random));
        }
    }

    public FaqMatcher matcher() {
        return matcher;
    }

    /** Questions to time: the evaluation set, and paraphrases of real and generated topics with a typo. */
    public List<String> questions() {
        return questions;
    }

    public int paraphraseCount() {
        return matcher.topics().stream().mapToInt(t -> t.paraphrases().size()).sum();
    }

    private static String word(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = 2 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            sb.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return sb.toString();
    }

    /** One letter dropped, doubled or swapped with its neighbour in a longer word. */
    public static String typo(String phrase, Random random) {
        String[] words = phrase.split(" ");
        int i = random.nextInt(words.length);
        String w = words[i];
        if (w.length() >= 5) {
            int at = 1 + random.nextInt(w.length() - 2);
            words[i] = switch (random.nextInt(3)) {
                case 0 -> w.substring(0, at) + w.substring(at + 1);
                case 1 -> w.substring(0, at) + w.charAt(at) + w.substring(at);
                default -> w.substring(0, at) + w.charAt(at + 1) + w.charAt(at) + w.substring(at + 2);
            };
        }
        return String.join(" ", words);
    }
}
