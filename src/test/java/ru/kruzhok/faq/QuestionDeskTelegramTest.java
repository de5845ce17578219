package ru.kruzhok.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.staff.AuditLog;
import ru.kruzhok.staff.StaffChats;
import ru.kruzhok.support.FakeTelegramServer;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.support.SettableClock;
import ru.kruzhok.support.TelegramParent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The support desk end to end, through the fake Bot API and the real TelegramBots client: one
 * thread per parent, everything a parent sends while waiting lands in it, staff answers of any kind
 * come back quoting the question, reminders, /questions, blocking, and a web-chat parent answered
 * from the Telegram staff group.
 */
class QuestionDeskTelegramTest extends IntegrationTest {

    private static final Pattern NUMBER = Pattern.compile("Вопрос №(\\d+)");
    private static final String OUT_OF_SCOPE = "какая завтра будет погода в городе?";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    QuestionDesk desk;
    @Autowired
    DeskPosts posts;
    @Autowired
    DeskProperties properties;
    @Autowired
    AuditLog audit;
    @Autowired
    ObjectMapper json;
    @Autowired
    Clock clock;
    @Autowired
    StaffChats staffChats;

    private long bindGroup(boolean topics) {
        long group = -newChatId();
        if (topics) {
            TELEGRAM.enableTopics(group);
        }
        TELEGRAM.enqueue(TELEGRAM.messageUpdate(group, "supergroup", ADMIN_TELEGRAM_ID, "/bind tsentr", null));
        TELEGRAM.awaitMessages(group, 1);
        return group;
    }

    private TelegramParent parentWithQuestion() {
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        parent.send("/start m_tsentr");
        parent.press("Согласен");
        parent.send("/menu");
        parent.send(OUT_OF_SCOPE);
        assertThat(parent.press("спросить специалиста").text()).contains("Передал");
        return parent;
    }

    private static long number(Call post) {
        Matcher m = NUMBER.matcher(post.text());
        assertThat(m.find()).as("a question post: %s", post.text()).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** Waits for the chat's next message after the ones it has now. */
    private static Call next(long chatId, int before) {
        List<Call> all = TELEGRAM.awaitMessages(chatId, before + 1);
        return all.get(before);
    }

    @Test
    void aParentsFollowUpsPhotoAndVoiceLandInTheirTopicAndStaffAnswerFromIt() {
        long group = bindGroup(true);
        TelegramParent parent = parentWithQuestion();
        Call post = TELEGRAM.awaitMessages(group, 2).get(1);
        Integer topic = FakeTelegramServer.threadOf(post);
        assertThat(topic).as("posted in a forum topic").isNotNull();
        assertThat(TELEGRAM.topicsOf(group)).containsOnlyKeys(topic);
        assertThat(post.text()).contains("Вопрос №", "погода", "Центральный", "Telegram", "Дети", "Пишите ответ в этой теме");
        long id = number(post);

        assertThat(parent.send("Забыл написать: нужен прогноз на выходные").text()).contains("Добавил к вашему вопросу №" + id);
        int before = parent.messages().size();
        byte[] screenshot = "a screenshot of the Navigator".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        TELEGRAM.sendPhoto(parent.chatId(), screenshot, "вот скриншот", null);
        assertThat(next(parent.chatId(), before).text()).contains("Добавил к вашему вопросу");
        before = parent.messages().size();
        TELEGRAM.enqueue(TELEGRAM.voiceUpdate(parent.chatId(), parent.chatId(), null, null, new byte[] {5, 6, 7}));
        assertThat(next(parent.chatId(), before).text()).contains("Добавил к вашему вопросу");

        List<Call> thread = TELEGRAM.awaitMessages(group, 5);
        assertThat(thread.subList(1, 5)).allSatisfy(c -> assertThat(FakeTelegramServer.threadOf(c)).isEqualTo(topic));
        assertThat(thread.get(2).text()).contains("№" + id, "прогноз на выходные");
        assertThat(thread.get(3).method()).isEqualTo("sendPhoto");
        assertThat(thread.get(3).text()).contains("вот скриншот");
        assertThat(TELEGRAM.sentFile(thread.get(3), "photo")).isEqualTo(screenshot);
        assertThat(thread.get(4).method()).isEqualTo("sendVoice");
        assertThat(thread.get(4).fileBytes("voice")).containsExactly(5, 6, 7);
        assertThat(TELEGRAM.topicsOf(group)).hasSize(1);
        assertThat(parent.messages()).noneMatch(c -> String.valueOf(c.text()).contains("понимаю текст"));
        assertThat(TELEGRAM.messagesTo(group)).filteredOn(c -> String.valueOf(c.text()).contains("Вопрос №")).hasSize(1);

        // staff write in the topic without replying to a message: it is the parent's thread
        before = parent.messages().size();
        TELEGRAM.enqueue(TELEGRAM.topicMessageUpdate(group, ADMIN_TELEGRAM_ID, topic, "// коллеги, кто знает сайт?"));
        TELEGRAM.enqueue(TELEGRAM.topicMessageUpdate(group, ADMIN_TELEGRAM_ID, topic, "Прогноз смотрите на сайте погоды"));
        Call answer = next(parent.chatId(), before);
        assertThat(answer.text()).contains("Ответ специалиста", "«какая завтра будет погода в городе?»",
                "Прогноз смотрите на сайте погоды").doesNotContain("коллеги");
        Call confirmed = TELEGRAM.awaitMessages(group, 6).get(5);
        assertThat(confirmed.text()).contains("Ответ отправлен");
        assertThat(FakeTelegramServer.threadOf(confirmed)).isEqualTo(topic);

        // the parent's next question reuses their topic
        parent.send("/menu");
        parent.send(OUT_OF_SCOPE);
        assertThat(parent.press("спросить специалиста").text()).contains("Передал");
        Call second = TELEGRAM.awaitMessages(group, 7).get(6);
        assertThat(second.text()).contains("Вопрос №" + (id + 1));
        assertThat(FakeTelegramServer.threadOf(second)).isEqualTo(topic);
        assertThat(TELEGRAM.topicsOf(group)).hasSize(1);
    }

    @Test
    void aStaffPhotoOrVoiceReplyReachesTheParentInAReplyChain() {
        long group = bindGroup(false);
        TelegramParent parent = parentWithQuestion();
        Call post = TELEGRAM.awaitMessages(group, 2).get(1);
        assertThat(FakeTelegramServer.threadOf(post)).isNull();
        assertThat(post.text()).contains("Ответьте на это сообщение");
        int postId = TelegramParent.messageId(post);

        int before = parent.messages().size();
        TELEGRAM.enqueue(TELEGRAM.groupPhotoUpdate(group, ADMIN_TELEGRAM_ID, postId, null, new byte[] {9, 8, 7},
                "Вот где это в Навигаторе"));
        Call photo = next(parent.chatId(), before);
        assertThat(photo.method()).isEqualTo("sendPhoto");
        assertThat(photo.text()).contains("Ответ специалиста", "погода", "Вот где это в Навигаторе");
        assertThat(TELEGRAM.sentFile(photo, "photo")).containsExactly(9, 8, 7);
        Call confirmed = TELEGRAM.awaitMessages(group, 3).get(2);
        assertThat(confirmed.text()).contains("Ответ отправлен");
        assertThat(FakeTelegramServer.replyToOf(confirmed)).as("under the staff member's reply").isNotNull();

        before = parent.messages().size();
        TELEGRAM.enqueue(TELEGRAM.voiceUpdate(group, ADMIN_TELEGRAM_ID, postId, null, new byte[] {4, 4, 4}));
        Call voice = next(parent.chatId(), before);
        assertThat(voice.method()).isEqualTo("sendVoice");
        assertThat(voice.fileBytes("voice")).containsExactly(4, 4, 4);

        // a formatted text keeps its formatting
        before = parent.messages().size();
        Map<String, Object> bold = TELEGRAM.groupReplyUpdate(group, ADMIN_TELEGRAM_ID, postId, "Важно: до 1 сентября");
        @SuppressWarnings("unchecked")
        Map<String, Object> message = (Map<String, Object>) bold.get("message");
        message.put("entities", List.of(Map.of("type", "bold", "offset", 0, "length", 6)));
        TELEGRAM.enqueue(bold);
        assertThat(next(parent.chatId(), before).text()).contains("<i>«какая завтра будет погода в городе?»</i>\n\n<b>Важно:</b> до 1 сентября");

        // the parent's follow-ups chain under the question's post
        TelegramParent second = parentWithQuestion();
        Call secondPost = TELEGRAM.awaitMessages(group, 5).stream().filter(c -> String.valueOf(c.text()).contains("Вопрос №"))
                .reduce((a, b) -> b).orElseThrow();
        second.send("И ещё уточнение");
        Call followUp = TELEGRAM.await(all -> TELEGRAM.messagesTo(group).stream()
                .anyMatch(c -> String.valueOf(c.text()).contains("И ещё уточнение")), Duration.ofSeconds(15))
                .stream().filter(c -> String.valueOf(c.text()).contains("И ещё уточнение")).findFirst().orElseThrow();
        assertThat(FakeTelegramServer.replyToOf(followUp)).isEqualTo(TelegramParent.messageId(secondPost));
    }

    @Test
    void whileAQuestionIsOpenAStepAskingForInputStillGetsWhatIsTyped() {
        long group = bindGroup(false);
        TelegramParent parent = parentWithQuestion();
        TELEGRAM.awaitMessages(group, 2);
        parent.send("/menu");
        parent.press("Настройки");
        parent.press("Дети");
        assertThat(parent.send("Маша 7").text()).doesNotContain("Добавил к вашему вопросу");
        assertThat(TELEGRAM.messagesTo(group)).noneMatch(c -> String.valueOf(c.text()).contains("Маша"));
        // outside such a step the next line joins the question again
        parent.send("/menu");
        assertThat(parent.send("И ещё вопрос про погоду").text()).contains("Добавил к вашему вопросу");
    }

    @Test
    void aQuestionWaitingLongerThanRemindAfterWorkingHoursIsRemindedOnce() {
        long group = bindGroup(false);
        parentWithQuestion();
        Call post = TELEGRAM.awaitMessages(group, 2).get(1);
        long id = number(post);

        // a week later, whatever today is: five working days have passed
        SettableClock later = new SettableClock(clock.instant().plus(Duration.ofDays(7)));
        QuestionReminders reminders = new QuestionReminders(jdbc, desk, posts, properties, later);
        assertThat(reminders.remindWaiting()).isPositive();
        Call reminder = TELEGRAM.awaitMessages(group, 3).get(2);
        assertThat(reminder.text()).contains("Вопрос №" + id + " ждёт ответа", "7 дн");
        assertThat(FakeTelegramServer.replyToOf(reminder)).isEqualTo(TelegramParent.messageId(post));

        later.advance(Duration.ofDays(1));
        reminders.remindWaiting();
        assertThat(TELEGRAM.messagesTo(group)).filteredOn(c -> String.valueOf(c.text()).contains("№" + id + " ждёт"))
                .hasSize(1);
    }

    @Test
    void questionsListsOpenQuestionsOldestFirstAndClosesThemByButton() {
        // earlier tests leave questions open in the shared database; only this test's ones matter here
        jdbc.update("update staff_question set status = 'closed' where status in ('new', 'sent')");
        long group = bindGroup(false);
        parentWithQuestion();
        parentWithQuestion();
        List<Call> posted = TELEGRAM.awaitMessages(group, 3);
        long first = number(posted.get(1));
        long second = number(posted.get(2));

        TelegramParent admin = new TelegramParent(TELEGRAM, ADMIN_TELEGRAM_ID);
        Call list = admin.send("/questions");
        assertThat(list.text()).contains("Открытые вопросы</b> (2)", "№" + first, "№" + second, "ждёт 0 мин", "погода");
        assertThat(list.text().indexOf("№" + first)).isLessThan(list.text().indexOf("№" + second));
        assertThat(admin.press("Закрыть №" + first).text()).contains("Вопрос №" + first + " закрыт");
        assertThat(admin.send("/questions").text()).contains("Открытые вопросы</b> (1)", "<b>№" + second + "</b>")
                .doesNotContain("<b>№" + first + "</b>");

        // an answer closes the other one
        TELEGRAM.enqueue(TELEGRAM.groupReplyUpdate(group, ADMIN_TELEGRAM_ID, TelegramParent.messageId(posted.get(2)),
                "Смотрите прогноз"));
        TELEGRAM.await(all -> TELEGRAM.messagesTo(group).stream().filter(c -> String.valueOf(c.text()).contains("Ответ отправлен"))
                .count() == 1, Duration.ofSeconds(15));
        assertThat(admin.send("/questions").text()).contains("Открытых вопросов нет");

        Map<String, Object> times = adminGet("/api/admin/questions/response-times?municipality=tsentr&days=1");
        assertThat(((Number) times.get("answered")).longValue()).isPositive();
        assertThat(times.get("medianMinutes")).isNotNull();
        assertThat(desk.responseTimes(java.util.Set.of("tsentr"), null).answered()).isPositive();
    }

    @Test
    void aBlockedParentGetsOneNoticeAndReachesNobody() {
        long group = bindGroup(false);
        TelegramParent parent = parentWithQuestion();
        Call post = TELEGRAM.awaitMessages(group, 2).get(1);
        long id = number(post);
        TELEGRAM.enqueue(TELEGRAM.groupReplyUpdate(group, ADMIN_TELEGRAM_ID, TelegramParent.messageId(post), "/block"));
        assertThat(TELEGRAM.awaitMessages(group, 3).get(2).text()).contains("заблокирован", "/unblock " + id);
        assertThat(audit.latest(5)).anyMatch(e -> e.action().equals("desk.block") && e.details().contains("question " + id));
        int inGroup = TELEGRAM.messagesTo(group).size();

        assertThat(parent.send("Почему не отвечаете?!").text()).doesNotContain("Добавил к вашему вопросу");
        parent.send("/menu");
        parent.send(OUT_OF_SCOPE);
        assertThat(parent.press("спросить специалиста").text()).contains("больше не принимают").doesNotContain("Передал");
        parent.send(OUT_OF_SCOPE);
        assertThat(parent.press("спросить специалиста").text()).contains("нельзя").doesNotContain("больше не принимают");
        assertThat(TELEGRAM.messagesTo(group)).hasSize(inGroup);

        TelegramParent admin = new TelegramParent(TELEGRAM, ADMIN_TELEGRAM_ID);
        assertThat(admin.send("/unblock " + id).text()).contains("разблокирован");
        assertThat(audit.latest(5)).anyMatch(e -> e.action().equals("desk.unblock"));
    }

    @Test
    void aMemberWithoutARoleIsToldOnceHowToGetIt() {
        long group = bindGroup(false);
        parentWithQuestion();
        Call post = TELEGRAM.awaitMessages(group, 2).get(1);
        long stranger = newChatId();
        TELEGRAM.enqueue(TELEGRAM.groupReplyUpdate(group, stranger, TelegramParent.messageId(post), "Я отвечу!"));
        Call hint = TELEGRAM.awaitMessages(stranger, 1).get(0);
        assertThat(hint.text()).contains("не ушёл родителю", "/staff add " + stranger);
        TELEGRAM.enqueue(TELEGRAM.groupReplyUpdate(group, stranger, TelegramParent.messageId(post), "Ещё раз"));
        // one chat's updates are handled in order: once /questions is answered, the reply before it was handled
        int inGroup = TELEGRAM.messagesTo(group).size();
        TELEGRAM.enqueue(TELEGRAM.messageUpdate(group, "supergroup", ADMIN_TELEGRAM_ID, "/questions", null));
        TELEGRAM.awaitMessages(group, inGroup + 1);
        assertThat(TELEGRAM.messagesTo(stranger)).hasSize(1);
    }

    @Test
    void withoutAStaffGroupTheParentIsToldHonestlyAndAdminsAreWarned() {
        // an earlier test class may have bound a group to this municipality in the shared database
        staffChats.staffChatOf("zarechny").ifPresent(g -> {
            long gid = Long.parseLong(g.chatId());
            int before = TELEGRAM.messagesTo(gid).size();
            TELEGRAM.enqueue(TELEGRAM.messageUpdate(gid, "supergroup", ADMIN_TELEGRAM_ID, "/unbind", null));
            TELEGRAM.awaitMessages(gid, before + 1);
        });
        assertThat(staffChats.staffChatOf("zarechny")).isEmpty();
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        parent.send("/start m_zarechny");
        parent.press("Согласен");
        parent.send("/menu");
        parent.send(OUT_OF_SCOPE);
        int adminBefore = TELEGRAM.messagesTo(ADMIN_TELEGRAM_ID).size();
        assertThat(parent.press("спросить специалиста").text()).contains("сохранил ваш вопрос", "не подключены")
                .doesNotContain("Передал");
        Call warning = next(ADMIN_TELEGRAM_ID, adminBefore);
        assertThat(warning.text()).contains("Вопросы родителей ждут", "/bind zarechny");
    }

    @Test
    void aWebChatQuestionIsAnsweredFromTelegram() throws Exception {
        long group = bindGroup(false);
        WebChat web = new WebChat();
        web.say(Map.of("text", "/start m_tsentr"));
        web.press("Согласен");
        web.say(Map.of("text", "/menu"));
        web.say(Map.of("text", OUT_OF_SCOPE));
        assertThat(web.press("спросить специалиста")).contains("Передал");
        Call post = TELEGRAM.awaitMessages(group, 2).get(1);
        assertThat(post.text()).contains("Вопрос №", "веб-чат", "погода");
        assertThat(web.say(Map.of("text", "Ребёнку 9 лет"))).contains("Добавил к вашему вопросу");
        assertThat(TELEGRAM.awaitMessages(group, 3).get(2).text()).contains("Ребёнку 9 лет");

        TELEGRAM.enqueue(TELEGRAM.groupPhotoUpdate(group, ADMIN_TELEGRAM_ID, TelegramParent.messageId(post), null,
                new byte[] {1, 1, 2}, "Смотрите сюда"));
        TELEGRAM.await(all -> TELEGRAM.messagesTo(group).stream().anyMatch(c -> String.valueOf(c.text()).contains("Ответ отправлен")),
                Duration.ofSeconds(15));
        JsonNode answer = web.fetch().stream().filter(m -> m.get("image") != null && !m.get("image").isNull())
                .reduce((a, b) -> b).orElseThrow();
        StringBuilder text = new StringBuilder();
        answer.get("spans").forEach(s -> text.append(s.get("text").asString()));
        assertThat(text.toString()).contains("Ответ специалиста", "погода", "Смотрите сюда");
        assertThat(answer.get("image").asString()).startsWith("data:image/jpeg;base64,");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> adminGet(String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Authorization", "Bearer " + ADMIN_TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return json.readValue(response.body(), Map.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A parent in the web chat, through its HTTP API. */
    private final class WebChat {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String session;
        private final List<JsonNode> seen = new java.util.ArrayList<>();

        WebChat() throws Exception {
            session = post("/api/web/session", Map.of()).get("session").asString();
        }

        private JsonNode post(String path, Map<String, Object> body) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return json.readTree(response.body());
        }

        String say(Map<String, Object> body) throws Exception {
            Map<String, Object> withSession = new HashMap<>(body);
            withSession.put("session", session);
            withSession.put("after", lastId());
            StringBuilder text = new StringBuilder();
            for (JsonNode m : post("/api/web/messages", withSession).get("messages")) {
                seen.add(m);
                m.get("spans").forEach(s -> text.append(s.get("text").asString()));
            }
            return text.toString();
        }

        List<JsonNode> fetch() throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(baseUrl() + "/api/web/messages?session=" + session + "&after=" + lastId())).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            List<JsonNode> out = new java.util.ArrayList<>();
            json.readTree(response.body()).get("messages").forEach(out::add);
            seen.addAll(out);
            return out;
        }

        private long lastId() {
            return seen.stream().mapToLong(m -> m.get("id").asLong()).max().orElse(0);
        }

        String press(String label) throws Exception {
            for (int i = seen.size() - 1; i >= 0; i--) {
                JsonNode buttons = seen.get(i).get("buttons");
                if (buttons == null) {
                    continue;
                }
                for (JsonNode row : buttons) {
                    for (JsonNode b : row) {
                        if (b.get("label").asString().contains(label) && b.has("payload") && !b.get("payload").isNull()) {
                            return say(Map.of("payload", b.get("payload").asString()));
                        }
                    }
                }
            }
            throw new AssertionError("no button " + label);
        }
    }
}
