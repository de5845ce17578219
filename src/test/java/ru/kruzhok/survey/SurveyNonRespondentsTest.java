package ru.kruzhok.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.broadcast.Broadcasts;
import ru.kruzhok.broadcast.SurveyNonRespondents;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.parent.ParentProfiles.AudienceFilter;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.survey.SurveyResponses.Progress;
import ru.kruzhok.survey.SurveyResponses.Respondent;

/** The survey side of the "have not answered the survey" audience of announcements. */
class SurveyNonRespondentsTest extends IntegrationTest {

    /** Children born this year: no other test's parents have them. */
    private static final AudienceFilter NEWBORNS = new AudienceFilter(null, 0, 0, null);

    @Autowired SurveyNonRespondents nonRespondents;
    @Autowired SurveyResponses responses;
    @Autowired SurveyCatalog catalog;
    @Autowired Broadcasts broadcasts;
    @Autowired JdbcTemplate jdbc;

    private final List<ChatAddress> created = new ArrayList<>();

    @AfterEach
    void tearDown() {
        for (ChatAddress chat : created) {
            jdbc.update("delete from parent where channel = ? and chat_id = ?", chat.channel(), chat.chatId());
        }
    }

    @Test
    void aParentWhoCompletedTheSurveyIsNotRemindedOfIt() {
        ChatAddress answered = parent();
        ChatAddress halfway = parent();
        ChatAddress silent = parent();
        complete("satisfaction", answered);
        responses.start(catalog.find("satisfaction").orElseThrow(), new Respondent(halfway, null, null, "tsentr"));

        assertThat(nonRespondents.openSurveys()).extracting(SurveyNonRespondents.SurveyChoice::id).contains("satisfaction");
        assertThat(nonRespondents.notCompleted("satisfaction", List.of(answered, halfway, silent)))
                .containsExactly(halfway, silent);

        assertThat(broadcasts.preview(NEWBORNS, "satisfaction")).isEqualTo(2);
        long id = broadcasts.create(new Broadcasts.Request("Пройдите, пожалуйста, опрос 🙏", null, NEWBORNS,
                "satisfaction", null, "test"));
        Broadcasts.Report report = awaitDone(id);
        assertThat(report.total()).isEqualTo(2);
        assertThat(TELEGRAM.messagesTo(Long.parseLong(answered.chatId()))).isEmpty();
        assertThat(TELEGRAM.awaitDelivered(Long.parseLong(silent.chatId()), 1)).hasSize(1);
        assertThat(TELEGRAM.awaitDelivered(Long.parseLong(halfway.chatId()), 1)).hasSize(1);
    }

    /** Answers every question of the survey with its first choice (or a word), as a parent would. */
    private void complete(String surveyId, ChatAddress chat) {
        Survey survey = catalog.find(surveyId).orElseThrow();
        Progress p = responses.start(survey, new Respondent(chat, null, null, "tsentr")).progress();
        while (!p.completed()) {
            Survey.Question q = p.question().orElseThrow();
            if (q.kind() == Survey.Kind.MULTI) {
                responses.toggle(p, q.choices().get(0));
                p = responses.finishMulti(p);
            } else {
                p = responses.answer(p, q.kind() == Survey.Kind.TEXT ? "всё хорошо" : q.choices().get(0));
            }
        }
    }

    private ChatAddress parent() {
        ChatAddress chat = new ChatAddress("telegram", String.valueOf(newChatId()));
        Timestamp now = Timestamp.from(Instant.now());
        Long id = jdbc.queryForObject("""
                insert into parent(channel, chat_id, municipality, consent_at, notifications, created_at, updated_at)
                values ('telegram', ?, 'tsentr', ?, true, ?, ?) returning id
                """, Long.class, chat.chatId(), now, now, now);
        jdbc.update("insert into child(parent_id, name, birth_year) values (?, null, ?)", id, Year.now().getValue());
        created.add(chat);
        return chat;
    }

    private Broadcasts.Report awaitDone(long id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Broadcasts.Report report = broadcasts.report(id).orElseThrow();
            if (Set.of("done", "cancelled").contains(report.status()) || System.nanoTime() > deadline) {
                return report;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return report;
            }
        }
    }
}
