package ru.kruzhok.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.parent.ParentProfiles;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.support.TelegramParent;
import ru.kruzhok.support.TestParents;

/**
 * «Сообщать о новых»: a parent saves a search in the chat and gets one message about new matching
 * programs after an import — never about programs that do not match or were announced already.
 */
class SavedSearchTest extends IntegrationTest {

    private static final ProgramImport.Options UPSERT_ONLY = new ProgramImport.Options(false, false, null);

    @Autowired JdbcTemplate jdbc;
    @Autowired ProgramImport programImport;
    @Autowired ParentProfiles profiles;
    @Autowired ApplicationEventPublisher events;

    private TestParents parents;
    private final String prefix = "ss-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @BeforeEach
    void setUp() {
        parents = new TestParents(jdbc);
    }

    @AfterEach
    void tearDown() {
        parents.deleteAll();
        jdbc.update("delete from program where external_id like ?", prefix + "%");
    }

    @Test
    void aSavedSearchHearsOnceAboutNewMatchingProgramsOnly() {
        ChatAddress chat = parents.add(newChatId(), "tsentr", 9, true);
        TelegramParent parent = new TelegramParent(TELEGRAM, Long.parseLong(chat.chatId()));
        Call results = parent.send("/search квиллинг");
        assertThat(results.buttonLabels()).contains("🔔 Сообщать о новых");
        parent.press("🔔 Сообщать о новых");
        assertThat(parent.messages().stream().map(Call::text)).anyMatch(t -> t != null && t.contains("Готово! Когда появятся"));
        assertThat(parent.last().buttonLabels()).contains("🔕 Не сообщать о новых");

        importRows(program("1", "Квиллинг для начинающих"), program("2", "Квиллинг и бумагопластика"),
                program("3", "Шахматная школа"));
        Call news = awaitNews(parent, 1);
        assertThat(news.text()).contains("Новые кружки по вашему поиску", "«квиллинг»", "Квиллинг для начинающих",
                "Квиллинг и бумагопластика").doesNotContain("Шахматная школа");
        assertThat(news.buttonLabels()).containsExactly("🔎 Открыть поиск", "🔕 Не сообщать");

        // the same programs again (an upsert adds nothing; a repeated event announces nothing twice)
        importRows(program("1", "Квиллинг для начинающих"), program("2", "Квиллинг и бумагопластика"));
        List<Long> announced = jdbc.queryForList("select id from program where external_id like ?", Long.class, prefix + "%");
        events.publishEvent(new ProgramsImported(java.util.Set.of("tsentr"), announced));
        // a new matching program: a second message about it alone
        importRows(program("4", "Студия квиллинга"));
        Call second = awaitNews(parent, 2);
        assertThat(second.text()).contains("Студия квиллинга").doesNotContain("для начинающих");
        sleep(500);
        assertThat(news(parent)).hasSize(2);

        // its «Открыть поиск» shows the saved filters' results, «Не сообщать» stops it
        Call all = parent.pressData(TelegramParent.messageId(second), second.callbackData("🔎 Открыть поиск"));
        assertThat(all.text()).contains("Квиллинг для начинающих");
        int before = parent.messages().size();
        parent.pressData(TelegramParent.messageId(second), second.callbackData("🔕 Не сообщать"));
        List<Call> afterOff = parent.messages();
        assertThat(afterOff.subList(before, afterOff.size()).stream().map(Call::text))
                .as("the reply to «Не сообщать»").anyMatch(t -> t != null && t.contains("больше не буду"));
        assertThat(savedSearches(chat)).isZero();
        importRows(program("5", "Квиллинг для малышей"));
        sleep(500);
        assertThat(news(parent)).hasSize(2);
    }

    @Test
    void withoutConsentTheSearchIsNotSavedAndTheParentIsToldWhy() {
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        parent.send("/start");
        parent.press("Не сейчас");
        parent.send("/search квиллинг");
        parent.press("🔔 Сообщать о новых");
        assertThat(parent.messages().stream().map(Call::text)).anyMatch(t -> t != null && t.contains("нужно ваше согласие"));
        assertThat(savedSearches(new ChatAddress("telegram", String.valueOf(parent.chatId())))).isZero();
    }

    @Test
    void deletingMyDataDeletesMySavedSearches() {
        ChatAddress chat = parents.add(newChatId(), "tsentr", 9, true);
        TelegramParent parent = new TelegramParent(TELEGRAM, Long.parseLong(chat.chatId()));
        parent.send("/search робототехника");
        parent.press("🔔 Сообщать о новых");
        assertThat(savedSearches(chat)).isEqualTo(1);
        profiles.delete(chat);
        assertThat(savedSearches(chat)).isZero();
    }

    @Test
    void settingsListSavedSearchesAndTurnThemOff() {
        ChatAddress chat = parents.add(newChatId(), "tsentr", 9, true);
        TelegramParent parent = new TelegramParent(TELEGRAM, Long.parseLong(chat.chatId()));
        parent.send("/search квиллинг");
        parent.press("🔔 Сообщать о новых");
        parent.send("/menu");
        parent.press("Настройки");
        Call list = parent.press("🔔 Новые кружки");
        assertThat(list.text()).contains("1. художественная, «квиллинг»");
        assertThat(parent.press("🔕 1.").text()).contains("пока не просили");
        assertThat(savedSearches(chat)).isZero();
    }

    private Map<String, String> program(String id, String title) {
        return CatalogFixture.with(CatalogFixture.row(prefix + id, title), "Ссылка", "https://navigator.example/p/" + id);
    }

    @SafeVarargs
    private void importRows(Map<String, String>... rows) {
        ImportResult result = programImport.importFile("programs.csv",
                CatalogFixture.utf8WithBom(CatalogFixture.csv(';', List.of(rows))), UPSERT_ONLY);
        assertThat(result.rejected()).isEmpty();
    }

    private int savedSearches(ChatAddress chat) {
        return jdbc.queryForObject("select count(*) from saved_search where channel = ? and chat_id = ?", Integer.class,
                chat.channel(), chat.chatId());
    }

    private static List<Call> news(TelegramParent parent) {
        return parent.messages().stream().filter(c -> c.text() != null && c.text().contains("Новые кружки")).toList();
    }

    private static Call awaitNews(TelegramParent parent, int count) {
        TELEGRAM.await(all -> news(parent).size() >= count, Duration.ofSeconds(20));
        return news(parent).get(count - 1);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
