package ru.kruzhok.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.support.TestParents;

/**
 * Events: announced once to the matching parents only, reminded once when the reminder is due
 * (time driven by the test), nothing after a cancel, and the staff command in Telegram.
 */
class EventsTest extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired Events events;

    private final HttpClient http = HttpClient.newHttpClient();
    private TestParents parents;

    @BeforeEach
    void setUp() {
        parents = new TestParents(jdbc);
    }

    @AfterEach
    void tearDown() {
        parents.deleteAll();
        jdbc.update("delete from event");
    }

    @Test
    void anEventIsAnnouncedOnceToMatchingParentsAndRemindedOnceWhenDue() throws Exception {
        ChatAddress match = parents.add(newChatId(), "tsentr", 9, true, "sports", "arts");
        ChatAddress tooOld = parents.add(newChatId(), "tsentr", 15, true, "sports");
        ChatAddress elsewhere = parents.add(newChatId(), "zarechny", 9, true, "sports");
        ChatAddress otherInterests = parents.add(newChatId(), "tsentr", 9, true, "technical");
        ChatAddress quiet = parents.add(newChatId(), "tsentr", 9, false, "sports");
        Instant startsAt = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);

        HttpResponse<String> created = post("""
                {"title": "Турнир по мини-футболу", "startsAt": "%s", "place": "Стадион «Юность»",
                 "municipality": "tsentr", "ages": [7, 12], "directions": ["sports"], "link": "https://example.org/cup"}
                """.formatted(startsAt));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"reminder\":true");
        long id = id(created.body());

        Call announcement = awaitWith(match, "Приглашаем на событие");
        assertThat(announcement.text()).contains("Турнир по мини-футболу", "Стадион «Юность»", "7–12 лет");
        assertThat(announcement.buttonLabels()).containsExactly("🔗 Подробнее");

        // not due yet a day before the reminder
        assertThat(events.remindDue(startsAt.minus(Duration.ofHours(49)))).isZero();
        // due: once, however often and from however many instances the poll runs
        Instant due = startsAt.minus(Duration.ofHours(23));
        List<CompletableFuture<Integer>> polls = List.of(
                CompletableFuture.supplyAsync(() -> events.remindDue(due)),
                CompletableFuture.supplyAsync(() -> events.remindDue(due)));
        assertThat(polls.stream().mapToInt(CompletableFuture::join).sum()).isEqualTo(1);
        assertThat(events.remindDue(due.plusSeconds(60))).isZero();
        awaitWith(match, "Напоминаем");

        Thread.sleep(500);
        assertThat(messagesWith(match, "Приглашаем на событие")).hasSize(1);
        assertThat(messagesWith(match, "Напоминаем")).hasSize(1);
        for (ChatAddress other : List.of(tooOld, elsewhere, otherInterests, quiet)) {
            assertThat(TELEGRAM.messagesTo(Long.parseLong(other.chatId()))).as(other.chatId()).isEmpty();
        }
        assertThat(get("/api/admin/events").body()).contains("\"id\":" + id, "\"status\":\"reminded\"");
    }

    @Test
    void aCancelledEventSendsNothingMoreAndALateOneHasNoReminder() throws Exception {
        ChatAddress match = parents.add(newChatId(), "zarechny", 6, true, "arts");
        Instant startsAt = Instant.now().plus(2, ChronoUnit.DAYS);
        HttpResponse<String> created = post("""
                {"title": "Выставка рисунков", "startsAt": "%s", "municipality": "zarechny", "ages": [5, 7]}
                """.formatted(startsAt));
        long id = id(created.body());
        awaitWith(match, "Выставка рисунков");

        HttpResponse<String> cancelled = http.send(request("/api/admin/events/" + id).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.body()).contains("\"status\":\"cancelled\"");
        assertThat(events.remindDue(startsAt.minus(Duration.ofHours(1)))).isZero();
        assertThat(http.send(request("/api/admin/events/999999999").DELETE().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);

        HttpResponse<String> soon = post("""
                {"title": "Мастер-класс", "startsAt": "%s", "municipality": "zarechny"}
                """.formatted(Instant.now().plus(2, ChronoUnit.HOURS)));
        assertThat(soon.body()).contains("\"reminder\":false");
        assertThat(events.remindDue(Instant.now().plus(1, ChronoUnit.HOURS))).isZero();

        Thread.sleep(300);
        assertThat(messagesWith(match, "Напоминаем")).isEmpty();

        HttpResponse<String> past = post("""
                {"title": "Вчера", "startsAt": "%s", "municipality": "zarechny"}
                """.formatted(Instant.now().minus(1, ChronoUnit.DAYS)));
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("будущем");
        assertThat(post("{\"title\": \"Без района\", \"startsAt\": \"%s\", \"municipality\": \"nowhere\"}"
                .formatted(startsAt)).statusCode()).isEqualTo(400);
    }

    @Test
    void staffAddAndCancelEventsInTelegramForTheirMunicipalityOnly() {
        ChatAddress match = parents.add(newChatId(), "tsentr", 10, true, "technical");
        long staff = newChatId();
        assertThat(say(ADMIN_TELEGRAM_ID, "/staff add " + staff + " tsentr").text()).contains("✅");
        try {
            String date = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
                    .format(ZonedDateTime.now(events.zoneOf("tsentr")).plusDays(5));
            String added = say(staff, "/event " + date + " | Фестиваль робототехники | Кванториум | 8-14 | техническая").text();
            assertThat(added).contains("добавлено", "Фестиваль робототехники");
            assertThat(jdbc.queryForObject("select municipality from event where title = 'Фестиваль робототехники'",
                    String.class)).isEqualTo("tsentr");
            awaitWith(match, "Фестиваль робототехники");

            assertThat(say(staff, "/event " + date + " | Чужое | - | - | - | - | zarechny").text()).contains("не можете");
            assertThat(say(staff, "/event завтра | Турнир").text()).contains("дату");
            assertThat(say(staff, "/event").text()).contains("Фестиваль робототехники", "/event ДД.ММ.ГГГГ");
            long id = jdbc.queryForObject("select id from event where title = 'Фестиваль робототехники'", Long.class);
            assertThat(say(staff, "/event cancel " + id).text()).contains("отменено");
            assertThat(say(staff, "/event cancel " + id).text()).contains("уже отменено");
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where action like 'event.%' and actor = ?",
                    Integer.class, "telegram:" + staff)).isEqualTo(2);
        } finally {
            say(ADMIN_TELEGRAM_ID, "/staff remove " + staff);
        }
        assertThat(say(newChatId(), "/event").text()).contains("не знаю");
    }

    private HttpResponse<String> post(String json) throws Exception {
        return http.send(request("/api/admin/events").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    private static long id(String body) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static List<Call> messagesWith(ChatAddress chat, String text) {
        return TELEGRAM.messagesTo(Long.parseLong(chat.chatId())).stream()
                .filter(c -> c.text() != null && c.text().contains(text)).toList();
    }

    private static Call awaitWith(ChatAddress chat, String text) {
        TELEGRAM.await(all -> !messagesWith(chat, text).isEmpty(), Duration.ofSeconds(20));
        return messagesWith(chat, text).get(0);
    }

    private static Call say(long user, String text) {
        int before = TELEGRAM.messagesTo(user).size();
        TELEGRAM.sendText(user, text);
        return TELEGRAM.awaitMessages(user, before + 1).get(before);
    }
}
