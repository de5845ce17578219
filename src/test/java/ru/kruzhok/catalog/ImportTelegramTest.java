package ru.kruzhok.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.kruzhok.catalog.CatalogFixture.row;
import static ru.kruzhok.catalog.CatalogFixture.with;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.support.TelegramParent;

/**
 * Staff import programs by sending a CSV to the bot with the caption /import, through the real
 * TelegramBots client: the bot fetches the file (getFile, then the file download path of the fake
 * Bot API), imports it and answers with the counts or the bad rows. A chat import is a full import
 * of the staff member's municipality, so every test re-imports the sample catalog afterwards.
 */
class ImportTelegramTest extends IntegrationTest {

    private static final String CSV = "text/csv";

    @Autowired
    ProgramSearch search;
    @Autowired
    ProgramImport programImport;
    @Autowired
    ru.kruzhok.staff.AuditLog audit;

    private final HttpClient http = HttpClient.newHttpClient();
    /** Unique per test, so ids and search words never meet another test's programs. */
    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void restoreSample() throws IOException {
        try (var in = getClass().getResourceAsStream("/catalog/sample-catalog.csv")) {
            programImport.importFile("sample-catalog.csv", in.readAllBytes(), new ProgramImport.Options(false, false, null));
        }
    }

    private static long newStaff(String municipality) {
        long user = newChatId();
        assertThat(say(ADMIN_TELEGRAM_ID, "/staff add " + user + " " + municipality).text()).contains("✅");
        return user;
    }

    private static Call say(long user, String text) {
        int before = TELEGRAM.messagesTo(user).size();
        TELEGRAM.sendText(user, text);
        return TELEGRAM.awaitMessages(user, before + 1).get(before);
    }

    private static Call sendFile(long user, String fileName, byte[] content, String caption) {
        int before = TELEGRAM.messagesTo(user).size();
        TELEGRAM.sendDocument(user, fileName, CSV, content, caption);
        return TELEGRAM.awaitMessages(user, before + 1).get(before);
    }

    /** Sends the file; when the bot asks before hiding programs, says yes (what these tests are not about). */
    private static Call sendFileConfirmed(long user, String fileName, byte[] content, String caption) {
        Call reply = sendFile(user, fileName, content, caption);
        return reply.buttonLabels().contains(ImportCommand.CONFIRM_LABEL)
                ? press(user, reply, ImportCommand.CONFIRM_LABEL) : reply;
    }

    private static Call press(long user, Call message, String label) {
        int before = TELEGRAM.messagesTo(user).size();
        TELEGRAM.pressButton(user, user, TelegramParent.messageId(message), message.callbackData(label));
        return TELEGRAM.awaitMessages(user, before + 1).get(before);
    }

    private static byte[] csv(List<Map<String, String>> rows) {
        return CatalogFixture.csv(';', rows).getBytes(StandardCharsets.UTF_8);
    }

    private String searchApi(String q) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/programs?municipality=tsentr&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void staffImportACsvInTheChatAndParentsCanFindThePrograms() throws Exception {
        long staff = newStaff("tsentr");
        // one program exists already: the import updates it
        programImport.importFile("pre.csv", csv(List.of(row(tag + "-1", "Шахматный клуб «Ладья»"))),
                new ProgramImport.Options(false, false, null));

        Call reply = sendFileConfirmed(staff, "programs.csv", csv(List.of(
                row(tag + "-1", "Шахматный клуб «Ладья» " + tag),
                with(row(tag + "-2", "Астрономический кружок «Орион» " + tag), "Направленность", "естественнонаучная"))),
                "/import");

        assertThat(reply.text()).contains("Загружено", "новых 1", "обновлено 1");
        assertThat(TELEGRAM.calls("getFile")).anyMatch(c -> String.valueOf(c.params().get("file_id")).startsWith("doc-" + staff));
        assertThat(search.findByExternalId(tag + "-2")).get().extracting(Program::title)
                .isEqualTo("Астрономический кружок «Орион» " + tag);
        assertThat(search.findByExternalId(tag + "-1")).get().extracting(Program::title)
                .isEqualTo("Шахматный клуб «Ладья» " + tag);
        assertThat(searchApi("Орион " + tag)).contains("Астрономический кружок «Орион» " + tag);
    }

    @Test
    void aFileWithABadRowChangesNothingAndTheReplyNamesTheRowAndTheReason() throws Exception {
        long staff = newStaff("tsentr");
        long activeBefore = search.count(ProgramQuery.all().withMunicipality("tsentr"));

        Call reply = sendFile(staff, "programs.csv", csv(List.of(
                row(tag + "-1", "Хорошая программа " + tag),
                with(row(tag + "-2", "Плохая программа " + tag), "Возраст до", "сто"))),
                "/import");

        assertThat(reply.text()).contains("Ничего не изменено", "строка 3", "возраст до «сто» — не число лет");
        assertThat(search.findByExternalId(tag + "-1")).isEmpty();
        assertThat(search.findByExternalId(tag + "-2")).isEmpty();
        assertThat(search.count(ProgramQuery.all().withMunicipality("tsentr"))).isEqualTo(activeBefore);
    }

    @Test
    void importAddKeepsTheRestOfTheCatalogWhileAPlainImportReplacesIt() {
        long staff = newStaff("tsentr");
        long activeBefore = search.count(ProgramQuery.all().withMunicipality("tsentr"));

        Call added = sendFile(staff, "new.csv", csv(List.of(row(tag + "-1", "Новая программа " + tag))), "/import add");
        assertThat(added.text()).contains("новых 1", "снято с показа 0");
        assertThat(search.count(ProgramQuery.all().withMunicipality("tsentr"))).isEqualTo(activeBefore + 1);

        Call asked = sendFile(staff, "all.csv", csv(List.of(row(tag + "-1", "Новая программа " + tag))), "/import");
        assertThat(asked.buttonLabels()).contains(ImportCommand.CONFIRM_LABEL);
        Call replaced = press(staff, asked, ImportCommand.CONFIRM_LABEL);
        assertThat(replaced.text()).contains("снято с показа " + activeBefore);
        assertThat(search.count(ProgramQuery.all().withMunicipality("tsentr"))).isEqualTo(1);
    }

    @Test
    void importPartialKeepsTheGoodRowsAndListsTheBadOnes() {
        long staff = newStaff("tsentr");

        Call reply = sendFileConfirmed(staff, "programs.csv", csv(List.of(
                row(tag + "-1", "Хорошая программа " + tag),
                with(row(tag + "-2", "Плохая программа " + tag), "Возраст от", "x"),
                row(tag + "-3", "Ещё одна хорошая " + tag))),
                "/import partial");

        assertThat(reply.text()).contains("Загружено", "новых 2", "строка 3");
        assertThat(search.findByExternalId(tag + "-1")).isPresent();
        assertThat(search.findByExternalId(tag + "-2")).isEmpty();
        assertThat(search.findByExternalId(tag + "-3")).isPresent();
    }

    @Test
    void aFileTelegramWillNotHandOverGetsAReplyThatSaysWhatToDo() {
        long staff = newStaff("tsentr");
        long activeBefore = search.count(ProgramQuery.all().withMunicipality("tsentr"));
        byte[] tooBig = new byte[21 * 1024 * 1024];

        Call reply = sendFile(staff, "region.csv", tooBig, "/import");

        assertThat(reply.text()).contains("до 20 МБ", "XLSX", "/api/admin/programs/import");
        assertThat(search.count(ProgramQuery.all().withMunicipality("tsentr"))).isEqualTo(activeBefore);
    }

    @Test
    void aParentSendingAFileWithTheImportCaptionGetsNothingStaffLike() {
        long parent = newChatId();
        byte[] file = csv(List.of(row(tag + "-1", "Чужая программа " + tag)));
        Call unknown = sendFile(parent, "programs.csv", file, "/nosuchcommand");
        int downloadsBefore = TELEGRAM.calls("getFile").size();

        Call reply = sendFile(parent, "programs.csv", file, "/import");

        // exactly what any unknown command with a file gets: a parent cannot tell /import exists
        assertThat(reply.method()).isEqualTo(unknown.method());
        assertThat(reply.text()).isEqualTo(unknown.text());
        assertThat(reply.text()).doesNotContain("Загружено", "строка", "CSV");
        assertThat(TELEGRAM.calls("getFile")).hasSize(downloadsBefore);
        assertThat(search.findByExternalId(tag + "-1")).isEmpty();
    }

    @Test
    void aFullImportThatWouldHideMostOfTheCatalogAsksFirstAndCancelChangesNothing() {
        long staff = newStaff("tsentr");
        long activeBefore = search.count(ProgramQuery.all().withMunicipality("tsentr"));
        byte[] file = csv(List.of(row(tag + "-1", "Единственная программа " + tag)));

        Call asked = sendFile(staff, "partial-export.csv", file, "/import");
        assertThat(asked.text()).contains("Проверьте", "скроет " + activeBefore + " из " + activeBefore + " программ",
                "Центральный район", "/import add", "/import undo");
        assertThat(asked.buttonLabels()).containsExactly(ImportCommand.CONFIRM_LABEL, ImportCommand.CANCEL_LABEL);
        assertThat(search.findByExternalId(tag + "-1")).as("nothing changed while asking").isEmpty();
        assertThat(search.count(ProgramQuery.all().withMunicipality("tsentr"))).isEqualTo(activeBefore);

        assertThat(press(staff, asked, ImportCommand.CANCEL_LABEL).text()).contains("каталог не изменён");
        assertThat(search.count(ProgramQuery.all().withMunicipality("tsentr"))).isEqualTo(activeBefore);
        // a second press of the stale «да» does nothing
        assertThat(press(staff, asked, ImportCommand.CONFIRM_LABEL).text()).contains("уже завершена или отменена");
        assertThat(search.count(ProgramQuery.all().withMunicipality("tsentr"))).isEqualTo(activeBefore);
    }

    @Test
    void importUndoPutsBackTheCatalogAsItWasBeforeTheLastImport() {
        long staff = newStaff("tsentr");
        long activeBefore = search.count(ProgramQuery.all().withMunicipality("tsentr"));
        Program kept = search.search(ProgramQuery.all().withMunicipality("tsentr")).items().get(0);

        Call asked = sendFile(staff, "all.csv", csv(List.of(
                row(kept.externalId(), "Переименованная программа " + tag),
                row(tag + "-new", "Новая программа " + tag))), "/import");
        Call done = press(staff, asked, ImportCommand.CONFIRM_LABEL);
        assertThat(done.text()).contains("Загружено", "новых 1", "обновлено 1", "снято с показа " + (activeBefore - 1));
        assertThat(search.count(ProgramQuery.all().withMunicipality("tsentr"))).isEqualTo(2);

        Call undone = say(staff, "/import undo");
        assertThat(undone.text()).contains("Каталог возвращён", "скрыто новых 1");
        assertThat(search.count(ProgramQuery.all().withMunicipality("tsentr"))).isEqualTo(activeBefore);
        assertThat(search.findByExternalId(kept.externalId())).get().extracting(Program::title).isEqualTo(kept.title());
        assertThat(search.findByExternalId(tag + "-new")).get().extracting(Program::active).isEqualTo(false);
        assertThat(audit.latest(5)).anyMatch(e -> e.action().equals("catalog.undo"));
    }

    @Test
    void aSpreadsheetFromStaffWithoutACaptionGetsTheCaptionHintNotTheConsentScreen() {
        long staff = newStaff("tsentr");
        Call reply = sendFile(staff, "programs.xlsx", csv(List.of(row(tag + "-1", "Программа " + tag))), null);
        assertThat(reply.text()).contains("добавьте подпись /import").doesNotContain("согласи");
        assertThat(search.findByExternalId(tag + "-1")).isEmpty();
    }

    @Test
    void aSpreadsheetForAnOpenBroadcastDraftStaysWithTheDraft() {
        long staff = newStaff("tsentr");
        say(staff, "/broadcast");
        Call reply = sendFile(staff, "расписание.xlsx", csv(List.of(row(tag + "-1", "Программа " + tag))), null);
        assertThat(reply.text()).doesNotContain("/import").contains("подпись");
        say(staff, "/cancel");
    }

    @Test
    void aProgramWithNoPlacesLeftIsMarkedAndOffersNoEnrolment() {
        String word = "звездочёт" + tag.chars().mapToObj(c -> String.valueOf((char) ('а' + c % 20))).reduce("", String::concat);
        programImport.importFile("full.csv", csv(List.of(with(row(tag + "-1", "Кружок «" + word + "»"),
                        "Мест всего", "20", "Мест свободно", "0", "Ссылка", "https://navigator.example/program/1"))),
                new ProgramImport.Options(false, false, null));
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        parent.send("/menu");
        Call results = parent.send(word + " для 9 лет");
        assertThat(results.text()).contains(word, "мест нет");
        Call card = parent.press("ℹ️ 1");
        assertThat(card.text()).contains("Мест нет").doesNotContain("свободных мест: 0");
        assertThat(card.buttons()).noneMatch(b -> String.valueOf(b.get("text")).contains("Записаться"))
                .anyMatch(b -> String.valueOf(b.get("text")).contains("Посмотреть в Навигаторе"));
    }
}
