package ru.kruzhok.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.staff.AuditLog;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.support.TelegramParent;

/**
 * «В базу ответов»: a question staff answered becomes, once an admin accepts it, a paraphrase the
 * bot answers by itself; parents and staff without the right cannot propose or decide.
 */
class FaqSuggestionsTelegramTest extends IntegrationTest {

    /** Written so that no topic's paraphrases match it well before the suggestion is accepted. */
    static final String QUESTION = "квиточек казённый на секции где выдают";

    @Autowired FaqMatcher matcher;
    @Autowired QuestionDesk desk;
    @Autowired AuditLog audit;

    @Test
    void anAcceptedSuggestionMakesTheBotAnswerThatQuestionItself() {
        assertThat(matcher.match(QUESTION, null).decision()).as("before").isNotEqualTo(FaqMatcher.Decision.ANSWER);
        long group = boundGroup("zarechny");
        Call confirmation = answerInGroup(group, "zarechny", QUESTION);
        assertThat(confirmation.buttonLabels()).contains("📚 В базу ответов");

        Call choice = pressInGroup(group, ADMIN_TELEGRAM_ID, confirmation, "📚 В базу ответов");
        assertThat(choice.text()).contains("К какой теме", QUESTION);
        String topicTitle = matcher.topic("certificate.how-to-get").orElseThrow().title();
        assertThat(choice.buttonLabels()).hasSizeLessThanOrEqualTo(5).contains("📋 Другая тема…");
        Call everyTopic = pressInGroup(group, ADMIN_TELEGRAM_ID, choice, "📋 Другая тема…");
        assertThat(everyTopic.buttonLabels()).contains(topicTitle).hasSizeGreaterThan(20);
        Call proposed = pressInGroup(group, ADMIN_TELEGRAM_ID, everyTopic, topicTitle);
        assertThat(proposed.text()).contains("предложен");

        TelegramParent admin = new TelegramParent(TELEGRAM, ADMIN_TELEGRAM_ID);
        admin.send("/suggestions");
        // The admin chat also holds what other tests sent it (a results chart is a photo with no text).
        Call listed = TELEGRAM.messagesTo(ADMIN_TELEGRAM_ID).stream()
                .filter(c -> c.text() != null && c.text().contains(QUESTION))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(listed.text()).contains(topicTitle);
        Call accepted = admin.pressData(TelegramParent.messageId(listed), listed.callbackData("✅ Принять"));
        assertThat(accepted.text()).contains("Добавлено в базу ответов");

        FaqMatcher.Match after = matcher.match(QUESTION, null);
        assertThat(after.decision()).isEqualTo(FaqMatcher.Decision.ANSWER);
        assertThat(after.topic()).isEqualTo("certificate.how-to-get");
        assertThat(audit.latest(10)).extracting(AuditLog.Entry::action)
                .contains("faq.suggest", "faq.suggestion.accept");
        assertThat(admin.pressData(TelegramParent.messageId(listed), listed.callbackData("✖ Отклонить")).text())
                .as("a second decision").contains("уже рассмотрено");
    }

    @Test
    void staffOfAnotherMunicipalityCannotProposeAndOnlyAdminsDecide() throws Exception {
        long group = boundGroup("tsentr");
        Call confirmation = answerInGroup(group, "tsentr", "вопрос про кружок для проверки прав " + newChatId());
        long otherStaff = newChatId();
        TelegramParent admin = new TelegramParent(TELEGRAM, ADMIN_TELEGRAM_ID);
        admin.send("/staff add " + otherStaff + " zarechny");

        Call refused = pressInGroup(group, otherStaff, confirmation, "📚 В базу ответов");
        assertThat(refused.text()).contains("недоступен").doesNotContain("К какой теме");

        long parent = newChatId();
        TELEGRAM.pressButton(parent, 1, SuggestionsCommand.ACCEPT + "1");
        assertThat(TELEGRAM.awaitMessages(parent, 1).get(0).text()).doesNotContain("Добавлено");

        HttpResponse<String> noToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/api/admin/faq/suggestions")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
        HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/admin/faq/suggestions"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);
        HttpResponse<String> unknown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/admin/faq/suggestions/987654321/accept"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    private long boundGroup(String municipality) {
        long group = -newChatId();
        TELEGRAM.enqueue(TELEGRAM.messageUpdate(group, "supergroup", ADMIN_TELEGRAM_ID, "/bind " + municipality, null));
        TELEGRAM.awaitMessages(group, 1);
        return group;
    }

    /** A parent's question reaches the group, the admin replies to it; returns the bot's confirmation. */
    private Call answerInGroup(long group, String municipality, String question) {
        int before = TELEGRAM.messagesTo(group).size();
        desk.submit(new ChatAddress("telegram", String.valueOf(newChatId())), municipality, question);
        TELEGRAM.awaitMessages(group, before + 1);
        Integer postId = TELEGRAM.lastMessageId(group);
        TELEGRAM.enqueue(TELEGRAM.groupReplyUpdate(group, ADMIN_TELEGRAM_ID, postId,
                "Сертификат оформляют в Навигаторе, подробности в разделе «Сертификат»."));
        List<Call> messages = TELEGRAM.awaitMessages(group, before + 2);
        return messages.get(messages.size() - 1);
    }

    private Call pressInGroup(long group, long user, Call message, String label) {
        int before = TELEGRAM.messagesTo(group).size();
        TELEGRAM.pressButton(group, user, TelegramParent.messageId(message), message.callbackData(label));
        List<Call> messages = TELEGRAM.awaitMessages(group, before + 1);
        return messages.get(messages.size() - 1);
    }
}
