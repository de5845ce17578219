package ru.kruzhok.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.support.TelegramParent;

/**
 * /reload typed by staff in Telegram re-reads the copy of dialogs/ the tests run on (flows, texts,
 * FAQ, surveys). Every test restores the files it edited and reloads, so the next test starts from
 * the repository's dialogs.
 */
class ReloadTelegramTest extends IntegrationTest {

    private static final String MENU = "menu: \"Чем могу помочь? Выберите раздел 👇\"";
    private static final String FAQ_ANSWER = "**Социальный сертификат** — это электронная запись о ребёнке в Навигаторе";

    @Autowired
    DialogReload reload;

    private final HttpClient http = HttpClient.newHttpClient();
    /** Original contents of the files a test edited. */
    private final Map<Path, String> originals = new LinkedHashMap<>();

    private void edit(String file, String from, String to) throws Exception {
        Path path = DIALOGS_DIR.resolve(file);
        String text = Files.readString(path);
        originals.putIfAbsent(path, text);
        assertThat(text).as(file).contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    @AfterEach
    void restoreDialogs() throws Exception {
        for (Map.Entry<Path, String> e : originals.entrySet()) {
            Files.writeString(e.getKey(), e.getValue());
        }
        if (!originals.isEmpty()) {
            assertThat(reload.reloadAll().ok()).isTrue();
        }
    }

    private static long newStaff() {
        long user = newChatId();
        assertThat(say(ADMIN_TELEGRAM_ID, "/staff add " + user + " tsentr").text()).contains("✅");
        return user;
    }

    private static Call say(long user, String text) {
        int before = TELEGRAM.messagesTo(user).size();
        TELEGRAM.sendText(user, text);
        return TELEGRAM.awaitMessages(user, before + 1).get(before);
    }

    private String faqAnswer(String question) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/faq/match?q="
                + URLEncoder.encode(question, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void staffEditATextAndAfterReloadParentsSeeItAndTheReplySaysWhatWasReloaded() throws Exception {
        long staff = newStaff();
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        assertThat(parent.send("/menu").text()).contains("Чем могу помочь?");

        edit("texts.yaml", MENU, "menu: \"Что подсказать? Выберите раздел 👇\"");
        Call reply = say(staff, "/reload");

        assertThat(reply.text()).contains("✅", "сценарии:", "вопросы и ответы: тем", "опросы: 1");
        assertThat(parent.send("/menu").text()).contains("Что подсказать?");
    }

    @Test
    void aBrokenFlowIsReportedWithFileAndLineAndTheOldFlowsKeepRunning() throws Exception {
        long staff = newStaff();
        edit("texts.yaml", MENU, "menu: \"Новый текст меню 👇\"");
        edit("main.yaml", "flow: settings }", "flow: setings }");

        Call reply = say(staff, "/reload");

        assertThat(reply.text()).contains("⚠️", "dialogs/main.yaml:10:", "unknown flow 'setings'");
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        assertThat(parent.send("/menu").text()).contains("Чем могу помочь?").doesNotContain("Новый текст");
        assertThat(parent.press("Настройки").text()).contains("Ваши настройки");
    }

    /** The line of a file under dialogs/ that starts with {@code prefix}, counted from 1. */
    private static int lineOf(String file, String prefix) throws Exception {
        List<String> lines = Files.readAllLines(DIALOGS_DIR.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError(prefix + " not in " + file);
    }

    @Test
    void aRenamedStepTheBotOpensItselfIsRefusedAndTheOldFlowsKeepRunning() throws Exception {
        long staff = newStaff();
        edit("certificate.yaml", "  suggest:\n", "  maybe:\n");

        Call reply = say(staff, "/reload");

        assertThat(reply.text()).contains("⚠️", "Ничего не обновлено", "dialogs/certificate.yaml:" + lineOf("certificate.yaml", "flow:") + ":",
                "в сценарии «certificate» нет шага «suggest», а бот сам открывает его");
        assertThat(reload.reloadAll().ok()).as("still refused on a second try").isFalse();
    }

    @Test
    void aMissingTextTheBotShowsIsRefused() throws Exception {
        long staff = newStaff();
        edit("texts.yaml", "faq_gone: \"Этот ответ больше не доступен. Выберите вопрос из списка.\"\n", "");

        Call reply = say(staff, "/reload");

        assertThat(reply.text()).contains("⚠️", "dialogs/texts.yaml:1:", "нет текста «faq_gone», а бот показывает его родителям");
    }

    @Test
    void anUnknownPlaceholderIsRefusedWithTheLineOfItsText() throws Exception {
        long staff = newStaff();
        int line = lineOf("texts.yaml", "faq_sent:");
        edit("texts.yaml", "Часы работы: {moc.hours}.", "Часы работы: {moc.hour}.");

        Call reply = say(staff, "/reload");

        assertThat(reply.text()).contains("⚠️", "dialogs/texts.yaml:" + line + ":", "неизвестная подстановка {moc.hour}",
                "{moc.hours}");
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        assertThat(parent.send("/menu").text()).contains("Чем могу помочь?");
    }

    @Test
    void reloadChangesAFaqAnswer() throws Exception {
        long staff = newStaff();
        assertThat(faqAnswer("что такое социальный сертификат")).contains("электронная запись о ребёнке");

        edit("faq/certificate.yaml", FAQ_ANSWER, "**Социальный сертификат** — это новая запись о ребёнке в Навигаторе");
        assertThat(say(staff, "/reload").text()).contains("✅");

        String answer = faqAnswer("что такое социальный сертификат");
        assertThat(answer).contains("\"topic\":\"certificate.what\"", "это новая запись о ребёнке")
                .doesNotContain("электронная запись");
    }

    @Test
    void aBrokenFaqFileKeepsEveryOldVersionIncludingTheFlows() throws Exception {
        long staff = newStaff();
        edit("texts.yaml", MENU, "menu: \"Новый текст меню 👇\"");
        edit("faq/certificate.yaml", "  - id: certificate.who\n", "  - id: certificate.who\n    colour: red\n");

        Call reply = say(staff, "/reload");

        assertThat(reply.text()).contains("⚠️", "Ничего не обновлено", "certificate.yaml:");
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        assertThat(parent.send("/menu").text()).contains("Чем могу помочь?").doesNotContain("Новый текст");
        assertThat(faqAnswer("что такое социальный сертификат")).contains("электронная запись о ребёнке");
    }

    @Test
    void aBrokenSurveyIsRefusedToo() throws Exception {
        long staff = newStaff();
        edit("surveys/satisfaction.yaml", "title: \"Удовлетворённость", "titel: \"Удовлетворённость");

        Call reply = say(staff, "/reload");

        assertThat(reply.text()).contains("⚠️", "dialogs/surveys/satisfaction.yaml:");
    }

    @Test
    void aParentTypingReloadGetsTheUnknownCommandReply() {
        long parent = newChatId();
        Call unknown = say(parent, "/nosuchcommand");
        Call reply = say(parent, "/reload");
        assertThat(reply.text()).isEqualTo(unknown.text());
        assertThat(reply.text()).doesNotContain("обновлены", "⚠️");
    }
}
