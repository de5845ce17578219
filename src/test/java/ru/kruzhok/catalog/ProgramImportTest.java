package ru.kruzhok.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.kruzhok.catalog.CatalogFixture.row;
import static ru.kruzhok.catalog.CatalogFixture.with;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import ru.kruzhok.direction.Direction;
import ru.kruzhok.support.IntegrationTest;

/**
 * Import edge cases on the real database. Every test uses its own external ids (prefix per test),
 * and imports with full=false unless it tests deactivation, so the shared sample catalog stays intact.
 */
@RecordApplicationEvents
class ProgramImportTest extends IntegrationTest {

    private static final ProgramImport.Options UPSERT_ONLY = new ProgramImport.Options(false, false, null);
    private static final ProgramImport.Options PARTIAL = new ProgramImport.Options(true, false, null);

    @Autowired
    ProgramImport programImport;
    @Autowired
    ProgramSearch search;
    @Autowired
    ApplicationEvents events;

    private Program program(String externalId) {
        return search.findByExternalId(externalId).orElseThrow(() -> new AssertionError("no program " + externalId));
    }

    @Test
    void utf8WithBomAndSemicolonsIsImported() {
        String csv = CatalogFixture.csv(';', List.of(row("bom-1", "Вокальная студия «Соловушка»")));
        ImportResult result = programImport.importFile("programs.csv", CatalogFixture.utf8WithBom(csv), UPSERT_ONLY);
        assertThat(result).isEqualTo(new ImportResult(1, 0, 0, List.of()));
        Program p = program("bom-1");
        assertThat(p.title()).isEqualTo("Вокальная студия «Соловушка»");
        assertThat(p.direction()).isEqualTo(Direction.ARTS);
        assertThat(p.organisation()).isEqualTo(new Program.Organisation("МБУ ДО «Тестовый ДДТ»", "ул. Тестовая, 1",
                "Центральный", "+7 (900) 000-00-00"));
        assertThat(p.ageFrom()).isEqualTo(7);
        assertThat(p.ageTo()).isEqualTo(12);
        assertThat(p.format()).isEqualTo(ProgramFormat.IN_PERSON);
        assertThat(p.cost()).isEqualTo(CostType.FREE);
        assertThat(p.placesTotal()).isEqualTo(15);
        assertThat(p.placesFree()).isEqualTo(5);
        assertThat(p.teacher()).isEqualTo("Петрова Анна Ивановна");
        assertThat(p.schedule()).isEqualTo("пн, ср 16:00–17:30");
        assertThat(p.url()).startsWith("https://").endsWith("/program/bom-1");
        assertThat(p.active()).isTrue();
    }

    @Test
    void windows1251WithCommasIsImported() {
        String csv = CatalogFixture.csv(',', List.of(
                with(row("cp1251-1", "Хореография, классика"), "Описание", "Танец, ритмика, растяжка",
                        "Направленность", "Социально-педагогическая", "Оплата", "ПФДО", "Стоимость", "1 250,50 руб.")));
        ImportResult result = programImport.importFile("programs.csv", csv.getBytes(SpreadsheetReader.WINDOWS_1251),
                UPSERT_ONLY);
        assertThat(result.rejected()).isEmpty();
        Program p = program("cp1251-1");
        assertThat(p.title()).isEqualTo("Хореография, классика");
        assertThat(p.description()).isEqualTo("Танец, ритмика, растяжка");
        assertThat(p.direction()).isEqualTo(Direction.SOCIAL);
        assertThat(p.cost()).isEqualTo(CostType.CERTIFICATE);
        assertThat(p.price()).isEqualByComparingTo("1250.50");
    }

    @Test
    void xlsxWithATitleRowAboveTheHeaderIsImported() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("Программы");
            sheet.createRow(0).createCell(0).setCellValue("Выгрузка из Навигатора на 01.09.2026");
            List<String> headers = List.of("Направленность", "Название", "ID", "Возраст от", "Возраст до",
                    "Муниципалитет", "Оплата", "Стоимость", "ОВЗ", "Мест всего");
            XSSFRow header = sheet.createRow(2);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
            }
            XSSFRow data = sheet.createRow(3);
            data.createCell(0).setCellValue("Физкультурно-спортивная");
            data.createCell(1).setCellValue("Самбо для начинающих");
            data.createCell(2).setCellValue(770011); // numeric ID cell, as Excel keeps it
            data.createCell(3).setCellValue(8);
            data.createCell(4).setCellValue(14.0);
            data.createCell(5).setCellValue("Заречный муниципальный округ"); // the name, not the code
            data.createCell(6).setCellValue("Платно");
            data.createCell(7).setCellValue(2500);
            data.createCell(8).setCellValue("Да");
            data.createCell(9).setCellValue(20);
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        ImportResult result = programImport.importFile("Программы.xlsx", xlsx, UPSERT_ONLY);
        assertThat(result.rejected()).isEmpty();
        assertThat(result.created()).isEqualTo(1);
        Program p = program("770011");
        assertThat(p.title()).isEqualTo("Самбо для начинающих");
        assertThat(p.municipality()).isEqualTo("zarechny");
        assertThat(p.ageFrom()).isEqualTo(8);
        assertThat(p.ageTo()).isEqualTo(14);
        assertThat(p.cost()).isEqualTo(CostType.PAID);
        assertThat(p.price()).isEqualByComparingTo("2500");
        assertThat(p.ovz()).isTrue();
        assertThat(p.placesTotal()).isEqualTo(20);
        assertThat(p.placesFree()).isNull();
    }

    @Test
    void columnOrderSynonymsExtraColumnsAndStraySpacesAreTolerated() {
        String csv = """
                 Наименование программы ; Доп. поле ;ИД; Направление ;Возраст;Код муниципалитета;Тип оплаты;Учреждение
                   Шахматная школа  ;  мусор  ; order-1 ;  физкультурно-спортивная ; 6 – 12 лет ; TSENTR ; Бесплатно ;\u00a0ДЮСШ №1\u00a0
                """;
        ImportResult result = programImport.importFile("x.csv", csv.getBytes(StandardCharsets.UTF_8), UPSERT_ONLY);
        assertThat(result.rejected()).isEmpty();
        Program p = program("order-1");
        assertThat(p.title()).isEqualTo("Шахматная школа");
        assertThat(p.direction()).isEqualTo(Direction.SPORTS);
        assertThat(p.ageFrom()).isEqualTo(6);
        assertThat(p.ageTo()).isEqualTo(12);
        assertThat(p.municipality()).isEqualTo("tsentr");
        assertThat(p.organisation().name()).isEqualTo("ДЮСШ №1");
    }

    @Test
    void everyKindOfBadRowIsReportedWithItsNumberAndNothingChanges() {
        List<Map<String, String>> rows = List.of(
                row("bad-ok", "Хорошая программа"),                                         // row 2
                with(row("bad-1", ""), "Название", ""),                                     // row 3
                with(row("bad-2", "Возраст словами"), "Возраст от", "семь"),                // row 4
                with(row("bad-3", "Наоборот"), "Возраст от", "14", "Возраст до", "7"),      // row 5
                with(row("bad-4", "Кулинария"), "Направленность", "Кулинарная"),            // row 6
                with(row("bad-5", "Бартер"), "Оплата", "бартер"),                           // row 7
                with(row("bad-6", "Чужой район"), "Муниципалитет", "atlantida"),            // row 8
                row("bad-ok", "Повтор ID"),                                                 // row 9
                with(row("", "Без ID"), "ID", ""),                                          // row 10
                with(row("bad-7", "Мест больше"), "Мест свободно", "40"));                  // row 11
        ImportResult result = programImport.importFile("bad.csv",
                CatalogFixture.csv(';', rows).getBytes(StandardCharsets.UTF_8), UPSERT_ONLY);

        assertThat(result.created()).isZero();
        assertThat(result.updated()).isZero();
        assertThat(result.rejected()).extracting(ImportResult.RejectedRow::row).containsExactly(3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(result.rejected()).extracting(ImportResult.RejectedRow::reason).containsExactly(
                "не указано название",
                "возраст от «семь» — не число лет",
                "возраст от 14 больше, чем до 7",
                "неизвестная направленность «Кулинарная»: ожидается техническая, естественнонаучная, художественная, "
                        + "физкультурно-спортивная, туристско-краеведческая или социально-гуманитарная",
                "неизвестный тип оплаты «бартер»: ожидается бесплатно, по сертификату или платно",
                "неизвестный муниципалитет «atlantida»: ожидается один из tsentr, zarechny",
                "ID bad-ok уже есть в строке 2",
                "не указан ID",
                "свободных мест (40) больше, чем всего (15)");
        assertThat(search.findByExternalId("bad-ok")).isEmpty();
    }

    @Test
    void partialImportAppliesTheGoodRowsAndReportsTheBad() {
        List<Map<String, String>> rows = List.of(
                row("part-1", "Хорошая 1"),
                with(row("part-2", "Плохая"), "Возраст до", "сто"),
                row("part-3", "Хорошая 3"));
        ImportResult result = programImport.importFile("p.csv",
                CatalogFixture.csv(';', rows).getBytes(StandardCharsets.UTF_8), PARTIAL);
        assertThat(result.created()).isEqualTo(2);
        assertThat(result.rejected()).containsExactly(new ImportResult.RejectedRow(3, "возраст до «сто» — не число лет"));
        assertThat(search.findByExternalId("part-1")).isPresent();
        assertThat(search.findByExternalId("part-2")).isEmpty();
        assertThat(search.findByExternalId("part-3")).isPresent();
    }

    @Test
    void reimportUpdatesOnlyChangedProgramsAndPublishesOnlyNewOnes() {
        byte[] first = CatalogFixture.csv(';', List.of(row("re-1", "Изостудия"), row("re-2", "Лепка")))
                .getBytes(StandardCharsets.UTF_8);
        ImportResult created = programImport.importFile("a.csv", first, UPSERT_ONLY);
        assertThat(created).isEqualTo(new ImportResult(2, 0, 0, List.of()));
        List<Long> newIds = List.of(program("re-1").id(), program("re-2").id());
        assertThat(events.stream(ProgramsImported.class))
                .contains(new ProgramsImported(java.util.Set.of("tsentr"), newIds));

        byte[] second = CatalogFixture.csv(';', List.of(row("re-1", "Изостудия «Палитра»"), row("re-2", "Лепка"),
                row("re-3", "Батик"))).getBytes(StandardCharsets.UTF_8);
        events.clear();
        ImportResult updated = programImport.importFile("b.csv", second, UPSERT_ONLY);
        assertThat(updated).isEqualTo(new ImportResult(1, 1, 0, List.of()));
        assertThat(program("re-1").title()).isEqualTo("Изостудия «Палитра»");
        assertThat(program("re-1").id()).isEqualTo(newIds.get(0));
        // Free text finds the program under its new name, and the new program, at once.
        assertThat(search.search(ProgramQuery.all().withText("палитра").withMunicipality("tsentr")).items())
                .extracting(Program::externalId).contains("re-1");
        assertThat(search.search(ProgramQuery.all().withText("батик").withMunicipality("tsentr")).items())
                .extracting(Program::externalId).contains("re-3");
        assertThat(events.stream(ProgramsImported.class).toList())
                .containsExactly(new ProgramsImported(java.util.Set.of("tsentr"), List.of(program("re-3").id())));

        assertThat(programImport.importFile("b.csv", second, UPSERT_ONLY)).isEqualTo(new ImportResult(0, 0, 0, List.of()));
    }

    @Test
    void fullImportDeactivatesMissingProgramsOfTheFilesMunicipalitiesOnly() throws IOException {
        try {
            programImport.importFile("a.csv", CatalogFixture.csv(';', List.of(row("full-1", "Остаётся"),
                    row("full-2", "Пропадёт"), with(row("full-3", "Другой муниципалитет"), "Муниципалитет", "zarechny")))
                    .getBytes(StandardCharsets.UTF_8), UPSERT_ONLY);

            ImportResult result = programImport.importFile("full.csv", CatalogFixture.csv(';',
                    List.of(row("full-1", "Остаётся"))).getBytes(StandardCharsets.UTF_8), false);

            assertThat(result.created()).isZero();
            assertThat(result.deactivated()).isGreaterThanOrEqualTo(1);
            assertThat(program("full-1").active()).isTrue();
            assertThat(program("full-2").active()).isFalse();
            assertThat(program("full-3").active()).isTrue();
            assertThat(search.search(ProgramQuery.all().withText("Пропадёт").withMunicipality("tsentr")).items())
                    .extracting(Program::externalId).doesNotContain("full-2");
            assertThat(search.search(ProgramQuery.all().withMunicipality("tsentr").withPage(0, 50)).total()).isEqualTo(1);

            // Back in the next full import: active again, counted as updated.
            ImportResult back = programImport.importFile("full.csv", CatalogFixture.csv(';',
                    List.of(row("full-1", "Остаётся"), row("full-2", "Пропадёт"))).getBytes(StandardCharsets.UTF_8), false);
            assertThat(back.updated()).isEqualTo(1);
            assertThat(program("full-2").active()).isTrue();
            assertThat(search.search(ProgramQuery.all().withText("Пропадёт").withMunicipality("tsentr")).items())
                    .extracting(Program::externalId).contains("full-2");
        } finally {
            restoreSample();
        }
    }

    @Test
    void rejectedRowsOfAPartialFullImportKeepTheirProgramsActive() throws IOException {
        try {
            programImport.importFile("a.csv", CatalogFixture.csv(';', List.of(row("keep-1", "Первая"),
                    row("keep-2", "Вторая"))).getBytes(StandardCharsets.UTF_8), UPSERT_ONLY);
            ImportResult result = programImport.importFile("full.csv", CatalogFixture.csv(';', List.of(
                    row("keep-1", "Первая"), with(row("keep-2", "Вторая"), "Возраст от", "x")))
                    .getBytes(StandardCharsets.UTF_8), new ProgramImport.Options(true, true, null));
            assertThat(result.rejected()).hasSize(1);
            assertThat(program("keep-2").active()).isTrue();
        } finally {
            restoreSample();
        }
    }

    @Test
    void unusableFilesAreRefusedWithAReason() {
        assertThatThrownBy(() -> programImport.importFile("x.csv", "Название;Описание\nа;б\n".getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("заголовков");
        assertThatThrownBy(() -> programImport.importFile("x.csv",
                "ID;Название;Муниципалитет;Возраст от;Возраст до\n1;а;tsentr;5;7\n".getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("«Направленность»").hasMessageContaining("«Оплата»");
        assertThatThrownBy(() -> programImport.importFile("x.csv",
                CatalogFixture.csv(';', List.of()).getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("нет ни одной программы");
        assertThatThrownBy(() -> programImport.importFile("x.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("Excel");
        assertThatThrownBy(() -> programImport.importFile("x.csv", new byte[0], false))
                .isInstanceOf(ImportFileException.class);
    }

    @Test
    void aDefaultMunicipalityFillsAFileWithoutThatColumn() {
        String csv = "ID;Название;Направленность;Возраст от;Возраст до;Оплата\ndef-1;Юные журналисты;социально-гуманитарная;11;17;бесплатно\n";
        ImportResult result = programImport.importFile("m.csv", csv.getBytes(StandardCharsets.UTF_8),
                new ProgramImport.Options(false, false, "zarechny"));
        assertThat(result.created()).isEqualTo(1);
        assertThat(program("def-1").municipality()).isEqualTo("zarechny");
    }

    /** Full imports above deactivate the sample's programs; put them back for the other tests. */
    private void restoreSample() throws IOException {
        try (var in = getClass().getResourceAsStream("/catalog/sample-catalog.csv")) {
            programImport.importFile("sample-catalog.csv", in.readAllBytes(), UPSERT_ONLY);
        }
    }
}
