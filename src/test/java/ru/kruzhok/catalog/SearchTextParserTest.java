package ru.kruzhok.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.kruzhok.direction.Direction;

class SearchTextParserTest {

    private final SearchTextParser parser = new SearchTextParser();

    @Test
    void danceForSevenForFree() {
        assertThat(filters("танцы для 7 лет бесплатно"))
                .isEqualTo(new SearchTextParser.Parsed(7, Direction.ARTS, CostType.FREE, false, "танцы"));
    }

    @Test
    void roboticsForTen() {
        assertThat(filters("Робототехника 10 лет"))
                .isEqualTo(new SearchTextParser.Parsed(10, Direction.TECHNICAL, null, false, "робототехника"));
    }

    @Test
    void misspeltActivitiesAreSearchedAsTheWordsMeant() {
        assertThat(filters("тонцы 7 лет"))
                .isEqualTo(new SearchTextParser.Parsed(7, Direction.ARTS, null, false, "танцы"));
        assertThat(parser.parse("програмирование").direction()).isEqualTo(Direction.TECHNICAL);
        assertThat(parser.parse("авиамоделирвоание").direction()).isEqualTo(Direction.TECHNICAL);
        // short words are not guessed: «бакс» is no «бокс»
        assertThat(parser.parse("бакс").direction()).isNull();
    }

    @Test
    void swimmingPoolByCertificate() {
        assertThat(filters("бассейн по сертификату"))
                .isEqualTo(new SearchTextParser.Parsed(null, Direction.SPORTS, CostType.CERTIFICATE, false, "бассейн"));
    }

    @Test
    void genericDirectionWordsAreConsumedAndFillerDropped() {
        assertThat(filters("хочу найти спортивную секцию для сына 9 лет платно"))
                .isEqualTo(new SearchTextParser.Parsed(9, Direction.SPORTS, CostType.PAID, false, null));
        assertThat(filters("техническое творчество"))
                .isEqualTo(new SearchTextParser.Parsed(null, Direction.TECHNICAL, null, false, null));
    }

    @Test
    void agesInOtherWordings() {
        assertThat(parser.parse("футбол ребенку 8").age()).isEqualTo(8);
        assertThat(parser.parse("рисование 5-летнему").age()).isEqualTo(5);
        assertThat(parser.parse("шахматы от 7 до 10 лет").age()).isEqualTo(7);
        assertThat(parser.parse("кружок для 2 класса").age()).isEqualTo(8);
        assertThat(parser.parse("театр 12").age()).isEqualTo(12);
        assertThat(parser.parse("3d моделирование").age()).isNull();
        assertThat(parser.parse("школа № 45").age()).isNull();
    }

    @Test
    void ovzAndAmbiguousActivities() {
        SearchTextParser.Parsed ovz = parser.parse("плавание для детей с ОВЗ");
        assertThat(ovz.ovz()).isTrue();
        assertThat(ovz.text()).isEqualTo("плавание");
        // Chess is sport in one catalogue and something else in another: stays text, sets no direction.
        assertThat(parser.parse("шахматы").direction()).isNull();
        assertThat(parser.parse("шахматы").text()).isEqualTo("шахматы");
    }

    @Test
    void explicitFiltersWinOverTheText() {
        ProgramQuery query = parser.parse("танцы 7 лет").applyTo(ProgramQuery.all().withAge(9).withDirection(Direction.SPORTS));
        assertThat(query.age()).isEqualTo(9);
        assertThat(query.direction()).isEqualTo(Direction.SPORTS);
        assertThat(SearchTextParser.shown(query.text())).isEqualTo("танцы");
    }

    @Test
    void emptyTextGivesNothing() {
        assertThat(filters("  ")).isEqualTo(new SearchTextParser.Parsed(null, null, null, false, null));
    }

    /** The filters and text of a parse, without the evidence the router weighs. */
    private SearchTextParser.Parsed filters(String text) {
        SearchTextParser.Parsed p = parser.parse(text);
        return new SearchTextParser.Parsed(p.age(), p.direction(), p.cost(), p.ovz(), SearchTextParser.shown(p.text()));
    }

    @Test
    void activitiesTitledOtherwiseAreSearchedByTheirTitlesToo() {
        SearchTextParser.Parsed clay = parser.parse("лепка для 5 лет");
        assertThat(clay.direction()).isEqualTo(Direction.ARTS);
        assertThat(clay.text()).startsWith("лепка|").contains("керамика");
        assertThat(SearchTextParser.shown(clay.text())).isEqualTo("лепка");
    }

    @Test
    void nearbyIsAFilterAndQuestionsAboutTheCertificateAreNotExplainedBySearch() {
        SearchTextParser.Parsed near = parser.parse("кружок рисования рядом с домом");
        assertThat(near.nearby()).isTrue();
        assertThat(near.explained()).isEqualTo(near.contentWords());

        SearchTextParser.Parsed question = parser.parse("в 4 года сертификат дают?");
        assertThat(question.question()).isTrue();
        assertThat(question.cost()).as("a bare «сертификат» is the subject, not a way to pay").isNull();
        assertThat(question.explained()).isLessThan(question.contentWords());

        assertThat(parser.parse("секция плавания по сертификату").question()).isFalse();
    }
}
