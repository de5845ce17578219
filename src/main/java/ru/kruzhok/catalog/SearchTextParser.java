package ru.kruzhok.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Turns what a parent types («танцы для 7 лет бесплатно», «робототехника 10 лет», «бассейн по
 * сертификату») into the same filters the guided search sets — age, direction, cost, ОВЗ — and
 * leaves the rest as a full-text query.
 *
 * <p>Hand-written: the phrases are few and domain-specific, and a general NLP library would not
 * know that «бассейн» means sport or that «по сертификату» is a payment type. Words are matched by
 * stem so «танцы», «танцевальный», «танцам» all count.
 *
 * <p>Two kinds of direction words: generic ones («спорт», «техническое», «творчество») only name the
 * direction and are dropped from the text; activity words («танцы», «робототехника», «бассейн»)
 * set the direction and stay in the text, so «робототехника» ranks robotics above model aircraft.
 * Activities filed under different directions in different catalogues (chess, photography) set none.
 */
@Component
public class SearchTextParser {

    /** The result: filters found (null when absent) and what is left for full text (null when nothing). */
    public record Parsed(Integer age, Direction direction, CostType cost, boolean ovz, String text) {

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

    private static final Pattern FREE = Pattern.compile("бесплатн\\p{L}*|без\\s+оплат\\p{L}*|даром");
    private static final Pattern CERTIFICATE = Pattern.compile(
            "(?:по\\s+|за\\s+|через\\s+)?(?:сертификат\\p{L}*|сертефикат\\p{L}*|сертификат|пфдо)");
    private static final Pattern PAID = Pattern.compile("(?<!бес)платн\\p{L}*|за\\s+деньги");
    private static final Pattern OVZ = Pattern.compile(
            "(?:для\\s+)?(?:детей\\s+|ребенка\\s+)?(?:с\\s+)?(?:овз|инвалидност\\p{L}*|инвалид\\p{L}*|особ\\p{L}*\\s+потребност\\p{L}*)");

    /** Words that only name a direction: consumed. Stem → direction. */
    private static final Map<String, Direction> GENERIC = Map.ofEntries(
            Map.entry("техническ", Direction.TECHNICAL), Map.entry("техник", Direction.TECHNICAL),
            Map.entry("техно", Direction.TECHNICAL),
            Map.entry("естественнонаучн", Direction.SCIENCE), Map.entry("наук", Direction.SCIENCE),
            Map.entry("научн", Direction.SCIENCE),
            Map.entry("художествен", Direction.ARTS), Map.entry("творчеств", Direction.ARTS),
            Map.entry("творческ", Direction.ARTS), Map.entry("искусств", Direction.ARTS),
            Map.entry("спорт", Direction.SPORTS), Map.entry("физкультур", Direction.SPORTS),
            Map.entry("туристско", Direction.TOURISM), Map.entry("краеведческ", Direction.TOURISM),
            Map.entry("социально", Direction.SOCIAL), Map.entry("гуманитарн", Direction.SOCIAL),
            Map.entry("социальн", Direction.SOCIAL));

    /** Activity words: set the direction and stay in the text. Stem → direction. */
    private static final Map<String, Direction> ACTIVITY = Map.ofEntries(
            Map.entry("робот", Direction.TECHNICAL), Map.entry("лего", Direction.TECHNICAL),
            Map.entry("конструир", Direction.TECHNICAL), Map.entry("моделир", Direction.TECHNICAL),
            Map.entry("программир", Direction.TECHNICAL), Map.entry("авиамодел", Direction.TECHNICAL),
            Map.entry("судомодел", Direction.TECHNICAL), Map.entry("автомодел", Direction.TECHNICAL),
            Map.entry("радио", Direction.TECHNICAL), Map.entry("электрон", Direction.TECHNICAL),
            Map.entry("3d", Direction.TECHNICAL), Map.entry("инженер", Direction.TECHNICAL),
            Map.entry("компьютер", Direction.TECHNICAL), Map.entry("беспилот", Direction.TECHNICAL),
            Map.entry("дрон", Direction.TECHNICAL), Map.entry("айти", Direction.TECHNICAL),
            Map.entry("эколог", Direction.SCIENCE), Map.entry("биолог", Direction.SCIENCE),
            Map.entry("хими", Direction.SCIENCE), Map.entry("физик", Direction.SCIENCE),
            Map.entry("астроном", Direction.SCIENCE), Map.entry("натуралист", Direction.SCIENCE),
            Map.entry("математ", Direction.SCIENCE), Map.entry("исследоват", Direction.SCIENCE),
            Map.entry("танц", Direction.ARTS), Map.entry("хореограф", Direction.ARTS),
            Map.entry("рисов", Direction.ARTS), Map.entry("рисун", Direction.ARTS),
            Map.entry("живопис", Direction.ARTS), Map.entry("изостуди", Direction.ARTS),
            Map.entry("музык", Direction.ARTS), Map.entry("вокал", Direction.ARTS),
            Map.entry("пени", Direction.ARTS), Map.entry("хор", Direction.ARTS),
            Map.entry("театр", Direction.ARTS), Map.entry("гитар", Direction.ARTS),
            Map.entry("фортепиан", Direction.ARTS), Map.entry("рукодел", Direction.ARTS),
            Map.entry("керамик", Direction.ARTS), Map.entry("лепк", Direction.ARTS),
            Map.entry("бисер", Direction.ARTS), Map.entry("вязан", Direction.ARTS),
            Map.entry("футбол", Direction.SPORTS), Map.entry("волейбол", Direction.SPORTS),
            Map.entry("баскетбол", Direction.SPORTS), Map.entry("хоккей", Direction.SPORTS),
            Map.entry("плаван", Direction.SPORTS), Map.entry("бассейн", Direction.SPORTS),
            Map.entry("борьб", Direction.SPORTS), Map.entry("карате", Direction.SPORTS),
            Map.entry("каратэ", Direction.SPORTS), Map.entry("дзюдо", Direction.SPORTS),
            Map.entry("самбо", Direction.SPORTS), Map.entry("бокс", Direction.SPORTS),
            Map.entry("гимнаст", Direction.SPORTS), Map.entry("лыж", Direction.SPORTS),
            Map.entry("атлетик", Direction.SPORTS), Map.entry("теннис", Direction.SPORTS),
            Map.entry("единоборств", Direction.SPORTS), Map.entry("акробат", Direction.SPORTS),
            Map.entry("турист", Direction.TOURISM), Map.entry("туризм", Direction.TOURISM),
            Map.entry("поход", Direction.TOURISM), Map.entry("краевед", Direction.TOURISM),
            Map.entry("ориентир", Direction.TOURISM), Map.entry("скалолаз", Direction.TOURISM),
            Map.entry("волонт", Direction.SOCIAL), Map.entry("добровол", Direction.SOCIAL),
            Map.entry("вожат", Direction.SOCIAL), Map.entry("лидер", Direction.SOCIAL),
            Map.entry("журналист", Direction.SOCIAL), Map.entry("юнарм", Direction.SOCIAL),
            Map.entry("патриот", Direction.SOCIAL), Map.entry("психолог", Direction.SOCIAL),
            Map.entry("медиа", Direction.SOCIAL), Map.entry("блог", Direction.SOCIAL));

    /** Stems too short to be prefix-matched safely: matched as whole words only. */
    private static final List<String> WHOLE_WORD_STEMS = List.of("хор", "бокс", "лего", "3d", "техно");

    /** Words that carry no search meaning in a parent's request. */
    private static final List<String> FILLER = List.of(
            "для", "на", "по", "в", "во", "с", "со", "и", "или", "а", "от", "до", "мне", "нам", "нужен", "нужна",
            "нужно", "нужны", "хочу", "хотим", "ищу", "ищем", "найти", "найди", "подобрать", "подберите",
            "посоветуйте", "где", "есть", "какие", "какой", "какая", "кружок", "кружки", "кружка", "кружков",
            "секция", "секции", "секцию", "студия", "студии", "занятия", "занятие", "занятий", "ребенок",
            "ребенка", "ребенку", "детей", "дети", "детский", "детская", "детские", "сын", "сына", "сыну",
            "дочь", "дочка", "дочки", "дочке", "дочери", "мальчик", "мальчика", "мальчиков", "девочка",
            "девочки", "девочек", "лет", "год", "года", "годика", "программа", "программы", "направление",
            "направленность", "пожалуйста", "можно", "записаться", "записать", "чтобы", "это", "нас");

    public Parsed parse(String input) {
        if (input == null || input.isBlank()) {
            return new Parsed(null, null, null, false, null);
        }
        String text = " " + input.toLowerCase(Locale.ROOT).replace('ё', 'е') + " ";

        boolean ovz = false;
        Matcher m = OVZ.matcher(text);
        if (m.find()) {
            ovz = true;
            text = m.replaceAll(" ");
        }
        CostType cost = null;
        if ((m = FREE.matcher(text)).find()) {
            cost = CostType.FREE;
            text = m.replaceAll(" ");
        } else if ((m = CERTIFICATE.matcher(text)).find()) {
            cost = CostType.CERTIFICATE;
            text = m.replaceAll(" ");
        } else if ((m = PAID.matcher(text)).find()) {
            cost = CostType.PAID;
            text = m.replaceAll(" ");
        }

        Integer age = null;
        for (Pattern p : List.of(AGE_WITH_UNIT, SCHOOL_YEAR, AGE_AFTER_WORD)) {
            m = p.matcher(text);
            if (m.find()) {
                int value = Integer.parseInt(m.group(1)) + (p == SCHOOL_YEAR ? 6 : 0);
                if (value >= MIN_AGE && value <= MAX_AGE) {
                    age = value;
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
                    text = BARE_NUMBER.matcher(text).replaceFirst(" ");
                }
            }
        }

        Direction direction = null;
        List<String> rest = new ArrayList<>();
        for (String word : text.split("[^\\p{L}\\p{N}-]+")) {
            String w = word.replaceAll("^-+|-+$", "");
            if (w.isEmpty() || FILLER.contains(w)) {
                continue;
            }
            Direction generic = match(GENERIC, w);
            if (generic != null) {
                direction = direction == null ? generic : direction;
                continue;
            }
            Direction activity = match(ACTIVITY, w);
            if (activity != null && direction == null) {
                direction = activity;
            }
            rest.add(w);
        }
        return new Parsed(age, direction, cost, ovz, rest.isEmpty() ? null : String.join(" ", rest));
    }

    private static Direction match(Map<String, Direction> stems, String word) {
        for (Map.Entry<String, Direction> e : stems.entrySet()) {
            String stem = e.getKey();
            if (WHOLE_WORD_STEMS.contains(stem) ? word.equals(stem) || word.startsWith(stem) && word.length() <= stem.length() + 2
                    : word.startsWith(stem)) {
                return e.getValue();
            }
        }
        return null;
    }
}
