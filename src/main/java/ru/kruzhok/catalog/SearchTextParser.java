package ru.kruzhok.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogProperties;
import ru.kruzhok.dialog.ReloadableContent;
import ru.kruzhok.direction.Direction;

/**
 * Turns what a parent types («танцы для 7 лет бесплатно», «робототехника 10 лет», «бассейн по
 * сертификату») into the same filters the guided search sets — age, direction, cost, ОВЗ, «рядом» —
 * and leaves the rest as a full-text query. It also says how much of the text those filters
 * explain, which the free-text router weighs against the FAQ's reading.
 *
 * <p>The words are data: {@code dialogs/search/vocabulary.yaml} ({@link SearchVocabulary}), re-read
 * by /reload. Ages, costs and ОВЗ are grammar rather than vocabulary («от 7 до 10 лет», «2 класс»,
 * «без оплаты») and stay here as patterns; no library reads such Russian phrases.
 *
 * <p>Two kinds of direction words: generic ones («спорт», «техническое», «творчество») only name the
 * direction and are dropped from the text; activity words («танцы», «робототехника», «бассейн»)
 * set the direction and stay in the text, so «робототехника» ranks robotics above model aircraft.
 * An activity whose programs are titled otherwise («лепка» → «Керамика») is searched as
 * alternatives ({@code лепка|керамика|…}, see {@link ProgramSearch}).
 */
@Component
public class SearchTextParser implements ReloadableContent {

    /**
     * The result: filters found (null when absent) and what is left for full text (null when nothing).
     *
     * @param nearby        the parent said «рядом»: search in their district
     * @param contentWords  words that are not filler («найти», «секция», «для»); question words count
     * @param explained     how many of them the filters, directions and activities account for
     * @param question      the text has the form of a question about the certificate («как», «можно ли»)
     * @param otherWords    content words of four letters or more that are neither filters nor activities
     *                      (searched as text; the catalog confirms them or not)
     */
    public record Parsed(Integer age, Direction direction, CostType cost, boolean ovz, String text,
                         boolean nearby, int contentWords, int explained, boolean question, int otherWords) {

        public Parsed(Integer age, Direction direction, CostType cost, boolean ovz, String text) {
            this(age, direction, cost, ovz, text, false, 0, 0, false, 0);
        }

        /** Whether any filter (not only text) was found. */
        public boolean hasFilters() {
            return age != null || direction != null || cost != null || ovz || nearby;
        }

        /** Fills the query's unset filters from the text; filters the query already has win. */
        public ProgramQuery applyTo(ProgramQuery query) {
            ProgramQuery q = query.withText(text);
            if (q.age() == null && age != null) {
                q = q.withAge(age);
            }
            if (q.direction() == null && direction != null) {
                q = q.withDirection(direction);
            }
            if (q.cost() == null && cost != null) {
                q = q.withCost(cost);
            }
            if (q.ovz() == null && ovz) {
                q = q.withOvz(true);
            }
            return q;
        }
    }

    /** Shorter words the catalog has do not make a text a search (every catalog has words starting «сам»). */
    private static final int MIN_EVIDENCE_WORD = 4;
    private static final int MIN_AGE = 3;
    private static final int MAX_AGE = 18;

    /** «7 лет», «10 годиков», «5-летнего», «от 7 до 10 лет» (the lower bound counts). */
    private static final Pattern AGE_WITH_UNIT = Pattern.compile(
            "(?:от\\s+)?(?<!\\d)(\\d{1,2})(?:\\s*(?:-|–|до)\\s*\\d{1,2})?\\s*-?\\s*(?:лет\\p{L}*|год\\p{L}*|г\\.|летн\\p{L}*|годик\\p{L}*)");
    /** «для 7», «ребёнку 8», «сыну 9», «возраст 6». */
    private static final Pattern AGE_AFTER_WORD = Pattern.compile(
            "(?:для|ребенк\\p{L}*|ребенок|сын\\p{L}*|доч\\p{L}*|возраст\\p{L}*|мне|нам)\\s+(\\d{1,2})(?!\\d)");
    /** «2 класс», «во 2 классе»: school year N is about age N + 6. */
    private static final Pattern SCHOOL_YEAR = Pattern.compile("(?<!\\d)(\\d{1,2})\\s*-?\\s*(?:й|ой)?\\s*класс\\p{L}*");
    private static final Pattern BARE_NUMBER = Pattern.compile("(?<![\\p{L}\\d])(\\d{1,2})(?![\\p{L}\\d])");

    private static final Pattern FREE = Pattern.compile("бесплатн\\p{L}*|безплатн\\p{L}*|без\\s+оплат\\p{L}*|даром");
    /**
     * «по сертификату», «за сертификат», «сертификатные»: a way to pay. A bare «сертификат» is the
     * subject of a question («в 4 года сертификат дают?»), not a filter, and is left for the FAQ.
     */
    private static final Pattern CERTIFICATE = Pattern.compile(
            "(?:по|за|через|под)\\s+(?:соц\\p{L}*\\s+)?(?:сертификат\\p{L}*|сертефикат\\p{L}*|сертфикат\\p{L}*|серт|пфдо)"
                    + "|сертификатн\\p{L}*");
    private static final Pattern PAID = Pattern.compile("(?<!бес)платн\\p{L}*|за\\s+деньги");
    private static final Pattern OVZ = Pattern.compile(
            "(?:для\\s+)?(?:детей\\s+|ребенка\\s+)?(?:с\\s+)?(?:овз|инвалидност\\p{L}*|инвалид\\p{L}*|особ\\p{L}*\\s+потребност\\p{L}*)");

    private final Path dialogsDir;
    private volatile SearchVocabulary vocabulary;

    @Autowired
    SearchTextParser(DialogProperties dialogs) {
        this.dialogsDir = dialogs.dir();
        this.vocabulary = SearchVocabularyLoader.load(dialogsDir);
    }

    /** With the repository's (or the packaged) vocabulary, for tests and tools. */
    public SearchTextParser() {
        this(new DialogProperties(Path.of("dialogs"), 20));
    }

    @Override
    public Staged stage() {
        SearchVocabulary next = SearchVocabularyLoader.load(dialogsDir);
        return new Staged() {
            @Override
            public String summary() {
                return "слова поиска: занятий " + next.activities().size();
            }

            @Override
            public void apply() {
                vocabulary = next;
            }
        };
    }

    public Parsed parse(String input) {
        if (input == null || input.isBlank()) {
            return new Parsed(null, null, null, false, null);
        }
        SearchVocabulary words = vocabulary;
        String text = " " + input.toLowerCase(Locale.ROOT).replace('ё', 'е') + " ";
        int explained = 0;

        boolean ovz = false;
        Matcher m = OVZ.matcher(text);
        if (m.find()) {
            ovz = true;
            explained++;
            text = m.replaceAll(" ");
        }
        CostType cost = null;
        for (Map.Entry<Pattern, CostType> c : List.of(Map.entry(FREE, CostType.FREE),
                Map.entry(CERTIFICATE, CostType.CERTIFICATE), Map.entry(PAID, CostType.PAID))) {
            m = c.getKey().matcher(text);
            if (m.find()) {
                cost = c.getValue();
                explained++;
                text = m.replaceAll(" ");
                break;
            }
        }

        Integer age = null;
        for (Pattern p : List.of(AGE_WITH_UNIT, SCHOOL_YEAR, AGE_AFTER_WORD)) {
            m = p.matcher(text);
            if (m.find()) {
                int value = Integer.parseInt(m.group(1)) + (p == SCHOOL_YEAR ? 6 : 0);
                if (value >= MIN_AGE && value <= MAX_AGE) {
                    age = value;
                    explained++;
                    text = text.substring(0, m.start()) + " " + text.substring(m.end());
                    break;
                }
            }
        }
        if (age == null) {
            m = BARE_NUMBER.matcher(text);
            if (m.find()) {
                int value = Integer.parseInt(m.group(1));
                if (value >= MIN_AGE && value <= MAX_AGE && !m.find()) {
                    age = value;
                    explained++;
                    text = BARE_NUMBER.matcher(text).replaceFirst(" ");
                }
            }
        }

        List<String> tokens = new ArrayList<>();
        for (String word : text.split("[^\\p{L}\\p{N}-]+")) {
            String w = word.replaceAll("^-+|-+$", "");
            if (!w.isEmpty()) {
                tokens.add(w);
            }
        }
        List<String> stems = tokens.stream().map(SearchVocabulary::stem).toList();
        boolean[] used = new boolean[tokens.size()];
        boolean question = markPhrases(words.questionWords(), tokens, stems, used) > 0;
        int questionWords = count(used);
        boolean nearby = markPhrases(words.nearby(), tokens, stems, used) > 0;
        if (nearby) {
            explained++;
        }

        Direction direction = null;
        int content = questionWords + (nearby ? 1 : 0);
        int others = 0;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (used[i] || words.isFiller(tokens.get(i))) {
                continue;
            }
            content++;
            String token = tokens.get(i);
            String stem = stems.get(i);
            if (words.direction(token, stem).isEmpty() && words.activity(token, stem).isEmpty()) {
                // a misspelt activity («тонцы», «вакал») is searched as the word it most likely is
                String fixed = words.correction(token).orElse(null);
                if (fixed != null) {
                    token = fixed;
                    stem = SearchVocabulary.stem(fixed);
                }
            }
            Direction generic = words.direction(token, stem).orElse(null);
            if (generic != null) {
                direction = direction == null ? generic : direction;
                explained++;
                continue;
            }
            SearchVocabulary.Activity activity = words.activity(token, stem).orElse(null);
            if (activity == null) {
                // a short word («ты», «сам») prefix-matches too much of a catalog to tell anything
                others += token.length() >= MIN_EVIDENCE_WORD ? 1 : 0;
                rest.add(token);
                continue;
            }
            explained++;
            if (activity.direction() != null && direction == null) {
                direction = activity.direction();
            }
            rest.add(activity.titles().isEmpty() ? token : alternatives(token, activity.titles()));
        }
        content += countCosts(cost, ovz, age);
        return new Parsed(age, direction, cost, ovz, rest.isEmpty() ? null : String.join(" ", rest),
                nearby, content, explained, question, others);
    }

    /** The filters found by pattern (ОВЗ, cost, age) are content words the search explains. */
    private static int countCosts(CostType cost, boolean ovz, Integer age) {
        return (cost == null ? 0 : 1) + (ovz ? 1 : 0) + (age == null ? 0 : 1);
    }

    /** The search text as the parent typed it: alternatives from the vocabulary left out («лепка»). */
    public static String shown(String text) {
        return text == null ? null : text.replaceAll("\\|\\S*", "");
    }

    /** «лепка|керамика|глина»: the typed word first, so the results show what the parent asked for. */
    private static String alternatives(String typed, List<String> titles) {
        List<String> all = new ArrayList<>();
        all.add(typed);
        titles.stream().filter(t -> !t.equals(typed)).forEach(all::add);
        return String.join("|", all).replace(' ', '|');
    }

    /** Marks the tokens of every phrase found (as consecutive stems); returns how many were found. */
    private static int markPhrases(List<List<SearchVocabulary.Term>> phrases, List<String> tokens, List<String> stems,
                                   boolean[] used) {
        int found = 0;
        for (List<SearchVocabulary.Term> phrase : phrases) {
            for (int i = 0; i + phrase.size() <= stems.size(); i++) {
                boolean all = true;
                for (int j = 0; j < phrase.size() && all; j++) {
                    all = !used[i + j] && phrase.get(j).matches(tokens.get(i + j), stems.get(i + j));
                }
                if (all) {
                    for (int j = 0; j < phrase.size(); j++) {
                        used[i + j] = true;
                    }
                    found++;
                }
            }
        }
        return found;
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }
}
