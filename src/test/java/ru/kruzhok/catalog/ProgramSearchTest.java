package ru.kruzhok.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.kruzhok.catalog.CatalogFixture.row;
import static ru.kruzhok.catalog.CatalogFixture.with;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kruzhok.direction.Direction;
import ru.kruzhok.support.IntegrationTest;

/**
 * Search semantics on the real PostgreSQL. The shared database also holds the sample catalog (and
 * other tests' programs), so every query here is scoped to this class's own district.
 */
class ProgramSearchTest extends IntegrationTest {

    private static final String DISTRICT = "Поисковый-тест";

    @Autowired
    ProgramImport programImport;
    @Autowired
    ProgramSearch search;
    @Autowired
    SearchTextParser parser;

    @BeforeEach
    void importFixture() {
        Map<String, String> base = with(row("", ""), "Район", DISTRICT);
        List<Map<String, String>> rows = List.of(
                with(base, "ID", "srch-1", "Название", "Студия современного танца «Импульс»",
                        "Направленность", "Художественная", "Возраст от", "6", "Возраст до", "12", "Оплата", "бесплатно"),
                with(base, "ID", "srch-2", "Название", "Танцевальный коллектив «Ритм»", "Направленность", "художественная",
                        "Возраст от", "5", "Возраст до", "18", "Оплата", "по сертификату", "Стоимость", "1200", "ОВЗ", "да"),
                with(base, "ID", "srch-3", "Название", "Робототехника и программирование", "Направленность", "Техническая",
                        "Возраст от", "10", "Возраст до", "14", "Оплата", "платно", "Стоимость", "3 000 ₽"),
                with(base, "ID", "srch-4", "Название", "Авиамоделирование", "Направленность", "Техническая",
                        "Возраст от", "10", "Возраст до", "17", "Оплата", "сертификат"),
                with(base, "ID", "srch-5", "Название", "Плавание", "Описание", "Обучение плаванию в бассейне",
                        "Направленность", "Физкультурно-спортивная", "Возраст от", "7", "Возраст до", "17",
                        "Оплата", "по сертификату"),
                with(base, "ID", "srch-6", "Название", "Юный эколог", "Направленность", "Естественнонаучная",
                        "Возраст от", "8", "Возраст до", "12"),
                with(base, "ID", "srch-7", "Название", "Юный турист", "Направленность", "Туристско-краеведческая",
                        "Возраст от", "9", "Возраст до", "17"),
                with(base, "ID", "srch-8", "Название", "Школа вожатых", "Направленность", "Социально-педагогическая",
                        "Возраст от", "14", "Возраст до", "17"),
                with(base, "ID", "srch-9", "Название", "Юный инженер",
                        "Описание", "Собираем роботов и механизмы, немного робототехники", "Направленность", "Техническая",
                        "Возраст от", "9", "Возраст до", "14"),
                with(base, "ID", "srch-10", "Название", "Закрытая программа танцев", "Направленность", "Художественная",
                        "Возраст от", "5", "Возраст до", "18", "Муниципалитет", "zarechny"));
        byte[] file = CatalogFixture.csv(';', rows).getBytes(StandardCharsets.UTF_8);
        ImportResult result = programImport.importFile("search.csv", file, new ProgramImport.Options(false, false, null));
        assertThat(result.rejected()).isEmpty();
    }

    private ProgramQuery here() {
        return ProgramQuery.all().withMunicipality("tsentr").withDistrict(DISTRICT).withPage(0, 50);
    }

    private List<String> ids(ProgramQuery query) {
        return search.search(query).items().stream().map(Program::externalId).toList();
    }

    @Test
    void districtAndMunicipalityScopeTheResults() {
        assertThat(ids(here())).containsExactlyInAnyOrder("srch-1", "srch-2", "srch-3", "srch-4", "srch-5", "srch-6",
                "srch-7", "srch-8", "srch-9");
        assertThat(ids(here().withMunicipality("zarechny"))).containsExactly("srch-10");
        assertThat(search.districts("tsentr")).contains(DISTRICT, "Центральный", "Северный", "Южный");
        assertThat(search.districts("zarechny")).contains("Заречное", "Луговое", "Сосновка").doesNotContain("Центральный");
    }

    @Test
    void eachDirectionFiltersAndBothSocialNamesAreOne() {
        assertThat(ids(here().withDirection(Direction.TECHNICAL))).containsExactlyInAnyOrder("srch-3", "srch-4", "srch-9");
        assertThat(ids(here().withDirection(Direction.ARTS))).containsExactlyInAnyOrder("srch-1", "srch-2");
        assertThat(ids(here().withDirection(Direction.SPORTS))).containsExactly("srch-5");
        assertThat(ids(here().withDirection(Direction.SCIENCE))).containsExactly("srch-6");
        assertThat(ids(here().withDirection(Direction.TOURISM))).containsExactly("srch-7");
        assertThat(ids(here().withDirection(Direction.SOCIAL))).containsExactly("srch-8");
    }

    @Test
    void ageMatchesInclusiveBoundsAtFiveAndEighteen() {
        assertThat(ids(here().withAge(5))).containsExactly("srch-2");
        assertThat(ids(here().withAge(18))).containsExactly("srch-2");
        assertThat(ids(here().withAge(6))).containsExactlyInAnyOrder("srch-1", "srch-2");
        assertThat(ids(here().withAge(12))).contains("srch-1", "srch-6").doesNotContain("srch-8");
        assertThat(ids(here().withAge(13))).doesNotContain("srch-1", "srch-6");
        assertThat(ids(here().withAge(19))).isEmpty();
    }

    @Test
    void costAndOvzFilter() {
        assertThat(ids(here().withCost(CostType.PAID))).containsExactly("srch-3");
        assertThat(ids(here().withCost(CostType.CERTIFICATE))).containsExactlyInAnyOrder("srch-2", "srch-4", "srch-5");
        assertThat(ids(here().withCost(CostType.FREE))).containsExactlyInAnyOrder("srch-1", "srch-6", "srch-7", "srch-8",
                "srch-9");
        assertThat(ids(here().withOvz(true))).containsExactly("srch-2");
        Program paid = search.findByExternalId("srch-3").orElseThrow();
        assertThat(paid.price()).isEqualByComparingTo("3000");
    }

    @Test
    void russianStemmingFindsDanceAndDancingForTanzy() {
        assertThat(ids(here().withText("танцы"))).containsExactlyInAnyOrder("srch-1", "srch-2");
        assertThat(ids(here().withText("танцевальный"))).contains("srch-2");
        assertThat(ids(here().withText("бассейн"))).containsExactly("srch-5");
    }

    @Test
    void fleetingVowelsDoNotHideTitles() {
        // Snowball stems «танцы» to «танц» but «танец» to «танец», «кружки» to «кружк» but «кружок» to «кружок».
        String district = DISTRICT + " (второй)";
        Map<String, String> base = with(row("", ""), "Район", district, "Направленность", "Художественная");
        byte[] file = CatalogFixture.csv(';', List.of(
                with(base, "ID", "srch-20", "Название", "Народный танец"),
                with(base, "ID", "srch-21", "Название", "Кружок юных художников"),
                with(base, "ID", "srch-22", "Название", "Танцевальная студия"))).getBytes(StandardCharsets.UTF_8);
        assertThat(programImport.importFile("vowels.csv", file, new ProgramImport.Options(false, false, null)).rejected())
                .isEmpty();
        ProgramQuery there = ProgramQuery.all().withMunicipality("tsentr").withDistrict(district).withPage(0, 50);

        assertThat(ids(there.withText("танцы"))).containsExactlyInAnyOrder("srch-20", "srch-22");
        assertThat(ids(there.withText("танец"))).containsExactlyInAnyOrder("srch-20", "srch-22");
        assertThat(ids(there.withText("кружки"))).containsExactly("srch-21");
        assertThat(ids(there.withText("парк"))).isEmpty();
    }

    @Test
    void typoTolerantSearchFindsRobotics() {
        assertThat(ids(here().withText("робатехника"))).first().isEqualTo("srch-3");
        assertThat(ids(here().withText("авиамоделированье"))).contains("srch-4");
    }

    @Test
    void titleMatchRanksAboveDescriptionMatch() {
        assertThat(ids(here().withText("робототехника"))).containsExactly("srch-3", "srch-9");
    }

    @Test
    void pagingGoesFromTitleMatchesOnToTheOtherMatches() {
        ProgramQuery robotics = here().withText("робототехника");
        ProgramPage first = search.search(robotics.withPage(0, 1));
        ProgramPage second = search.search(robotics.withPage(1, 1));
        ProgramPage past = search.search(robotics.withPage(2, 1));

        assertThat(first.items()).extracting(Program::externalId).containsExactly("srch-3");
        assertThat(second.items()).extracting(Program::externalId).containsExactly("srch-9");
        assertThat(past.items()).isEmpty();
        assertThat(List.of(first.total(), second.total(), past.total())).containsOnly(2L);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void freeTextParsedIntoFiltersFindsTheRightProgram() {
        assertThat(ids(parser.parse("танцы для 7 лет бесплатно").applyTo(here()))).containsExactly("srch-1");
        assertThat(ids(parser.parse("робототехника 10 лет").applyTo(here()))).first().isEqualTo("srch-3");
        assertThat(ids(parser.parse("бассейн по сертификату").applyTo(here()))).containsExactly("srch-5");
    }

    @Test
    void nothingFoundSuggestsTheFilterToRelax() {
        // Scoped by ids (never relaxed) so the sample catalog cannot change which filter helps.
        List<Long> mine = search.search(here()).items().stream().map(Program::id).toList();
        ProgramQuery scoped = ProgramQuery.all().withIds(mine).withPage(0, 50);

        ProgramPage scienceAt16 = search.search(scoped.withDirection(Direction.SCIENCE).withAge(16));
        assertThat(scienceAt16.total()).isZero();
        assertThat(scienceAt16.items()).isEmpty();
        assertThat(scienceAt16.relaxSuggestion().filter()).isEqualTo(SearchFilter.DIRECTION);
        assertThat(scienceAt16.relaxSuggestion().total()).isEqualTo(5);

        ProgramPage scienceAt4 = search.search(scoped.withDirection(Direction.SCIENCE).withAge(4));
        assertThat(scienceAt4.relaxSuggestion()).isEqualTo(new ProgramPage.RelaxSuggestion(SearchFilter.AGE, 1));

        ProgramPage hopeless = search.search(scoped.withDirection(Direction.SCIENCE).withAge(4).withOvz(true));
        assertThat(hopeless.relaxSuggestion()).isNull();

        ProgramPage paidDance = search.search(scoped.withText("танцы").withCost(CostType.PAID));
        assertThat(paidDance.relaxSuggestion()).isEqualTo(new ProgramPage.RelaxSuggestion(SearchFilter.COST, 2));

        assertThat(search.search(scoped.withText("кулинария")).relaxSuggestion().filter()).isEqualTo(SearchFilter.TEXT);
        assertThat(search.search(scoped).relaxSuggestion()).isNull();
    }

    @Test
    void pagesSplitTheResultsWithTheTotal() {
        ProgramQuery technical = here().withDirection(Direction.TECHNICAL);
        ProgramPage first = search.search(technical.withPage(0, 2));
        ProgramPage second = search.search(technical.withPage(1, 2));
        ProgramPage beyond = search.search(technical.withPage(5, 2));
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.items()).hasSize(2);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.items()).hasSize(1);
        assertThat(second.hasNext()).isFalse();
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(3);
        assertThat(search.search(technical.withPage(0, 500)).size()).isEqualTo(ProgramSearch.MAX_SIZE);
    }

    @Test
    void findsByIdAndExternalIdWithTheNavigatorLink() {
        Program byExternal = search.findByExternalId("srch-6").orElseThrow();
        assertThat(search.find(byExternal.id())).contains(byExternal);
        assertThat(byExternal.url()).endsWith("/program/srch-6");
        assertThat(byExternal.direction()).isEqualTo(Direction.SCIENCE);
        assertThat(search.findByExternalId("no-such-program")).isEmpty();
    }

    @Test
    void idsFilterNarrowsToGivenPrograms() {
        long id = search.findByExternalId("srch-1").orElseThrow().id();
        assertThat(ids(ProgramQuery.all().withIds(List.of(id)).withText("танцы"))).containsExactly("srch-1");
        assertThat(ids(ProgramQuery.all().withIds(List.of(id)).withDirection(Direction.SPORTS))).isEmpty();
    }
}
