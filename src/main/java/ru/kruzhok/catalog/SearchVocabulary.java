package ru.kruzhok.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.tartarus.snowball.ext.RussianStemmer;
import ru.kruzhok.direction.Direction;

/**
 * The words of {@code dialogs/search/vocabulary.yaml}: what a parent's words mean for a program
 * search. A methodist edits the file; {@link SearchVocabularyLoader} reads and checks it.
 *
 * <p>Entries are kept with their Snowball stems, so a methodist writes a word in any form and the
 * parent may type another («лепка», «лепкой», «лепку»). A typed word matches an entry when its stem
 * starts with the entry's stem (for stems of four letters or more: «робот» also covers
 * «робототехника»), or equals it; a word shorter than four letters («как», «хор», «изо») matches
 * only itself, since short stems collide («какие» stems to «как»).
 *
 * @param directions    words that only name a direction (consumed, never searched as text)
 * @param activities    activities: an optional direction and the words programs use in titles
 * @param nearby        phrases meaning «near me», read as the parent's district
 * @param filler        search-request words that carry no filter («найти», «секция»), exactly as typed
 * @param questionWords phrases that make a text a question about the certificate rather than a search
 * @param spellings     direction and activity words of five letters or more by first letter, for misspellings
 */
record SearchVocabulary(Map<Term, Direction> directions, List<Activity> activities, List<List<Term>> nearby,
                        List<String> filler, List<List<Term>> questionWords, Map<Character, List<String>> spellings) {

    /** Stems shorter than this match whole stems only. */
    static final int PREFIX_STEM = 4;
    /** Shortest word whose misspelling is guessed. */
    static final int TYPO_MIN = 5;
    /** From this length a word may have two slips. */
    static final int TYPO_TWO_EDITS = 10;

    /**
     * @param terms     the words parents type for this activity
     * @param direction the direction it sets, or null when catalogs file it under different ones
     * @param titles    words program titles use for it (searched as alternatives), empty: the typed word
     */
    record Activity(List<Term> terms, Direction direction, List<String> titles) {
    }

    /** A word of the file, lower case with ё → е, and its stem. */
    record Term(String word, String stem) {

        static Term of(String word) {
            String w = word.toLowerCase(Locale.ROOT).replace('ё', 'е');
            return new Term(w, SearchVocabulary.stem(w));
        }

        /** Whether a typed word (and its stem) is this term in some form. */
        boolean matches(String typed, String typedStem) {
            if (word.length() < PREFIX_STEM) {
                return typed.equals(word);
            }
            return stem.length() >= PREFIX_STEM ? typedStem.startsWith(stem) : typedStem.equals(stem);
        }
    }

    SearchVocabulary(Map<Term, Direction> directions, List<Activity> activities, List<List<Term>> nearby,
                     List<String> filler, List<List<Term>> questionWords) {
        this(directions, activities, nearby, filler, questionWords, spellings(directions, activities));
    }

    /** Direction and activity words that a misspelling may be guessed as, by first letter. */
    private static Map<Character, List<String>> spellings(Map<Term, Direction> directions, List<Activity> activities) {
        Map<Character, List<String>> byLetter = new java.util.HashMap<>();
        List<Term> known = new ArrayList<>(directions.keySet());
        activities.forEach(a -> known.addAll(a.terms()));
        for (Term t : known) {
            if (t.word().length() >= TYPO_MIN) {
                byLetter.computeIfAbsent(t.word().charAt(0), k -> new ArrayList<>()).add(t.word());
            }
        }
        byLetter.replaceAll((k, v) -> List.copyOf(v));
        return byLetter;
    }

    SearchVocabulary {
        directions = Map.copyOf(directions);
        activities = List.copyOf(activities);
        // longest phrases first, so «рядом с домом» is found whole before «рядом» alone
        nearby = longestFirst(nearby);
        filler = List.copyOf(filler);
        questionWords = longestFirst(questionWords);
        spellings = Map.copyOf(spellings);
    }

    private static List<List<Term>> longestFirst(List<List<Term>> phrases) {
        List<List<Term>> sorted = new ArrayList<>(phrases);
        sorted.sort((a, b) -> Integer.compare(b.size(), a.size()));
        return List.copyOf(sorted);
    }

    Optional<Direction> direction(String word, String stem) {
        for (Map.Entry<Term, Direction> e : directions.entrySet()) {
            if (e.getKey().matches(word, stem)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** The activity a word names; the longest matching entry wins («лепк» before a shorter one). */
    Optional<Activity> activity(String word, String stem) {
        Activity best = null;
        int bestLength = 0;
        for (Activity a : activities) {
            for (Term t : a.terms()) {
                if (t.stem().length() > bestLength && t.matches(word, stem)) {
                    best = a;
                    bestLength = t.stem().length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The direction or activity word a misspelt word most likely is («тонцы» → «танцы», «робатехника» →
     * «робототехника»): same first letter, one edit away (two for words of ten letters or more), words
     * of five letters or more only — shorter ones are too close to other words to guess.
     */
    Optional<String> correction(String typed) {
        if (typed.length() < TYPO_MIN) {
            return Optional.empty();
        }
        int allowed = typed.length() >= TYPO_TWO_EDITS ? 2 : 1;
        String best = null;
        int bestDistance = allowed + 1;
        for (String w : spellings.getOrDefault(typed.charAt(0), List.of())) {
            if (Math.abs(w.length() - typed.length()) > allowed) {
                continue;
            }
            int d = distance(typed, w, allowed);
            if (d < bestDistance) {
                best = w;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Damerau–Levenshtein (optimal string alignment) distance, or more than {@code limit} once it is. */
    static int distance(String a, String b, int limit) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }

    boolean isFiller(String word) {
        return filler.contains(word);
    }

    /** Lower case, ё → е, Snowball Russian stem: how both the file's words and a parent's words are compared. */
    static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace('ё', 'е');
        if (w.chars().anyMatch(Character::isDigit) || !w.chars().allMatch(c -> Character.isLetter(c) || c == '-')) {
            return w;
        }
        RussianStemmer stemmer = new RussianStemmer();
        stemmer.setCurrent(w);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    /** A phrase («рядом с домом») as terms. */
    static List<Term> terms(String phrase) {
        List<Term> out = new ArrayList<>();
        for (String w : phrase.toLowerCase(Locale.ROOT).replace('ё', 'е').split("[^\\p{L}\\p{N}-]+")) {
            if (!w.isBlank()) {
                out.add(Term.of(w));
            }
        }
        return out;
    }
}
