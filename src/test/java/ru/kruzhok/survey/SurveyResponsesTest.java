package ru.kruzhok.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.parent.ParentDataDeleted;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.survey.SurveyResponses.Progress;
import ru.kruzhok.survey.SurveyResponses.Respondent;
import ru.kruzhok.survey.SurveyResponses.Start;

/** Storing answers: per child, named vs anonymous, «Назад» with a changed skip, data deletion. */
class SurveyResponsesTest extends IntegrationTest {

    @Autowired
    SurveyResponses responses;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcTemplate jdbc;

    /** A survey built in the test (ids unique per run): the catalog holds only the shipped ones. */
    private static Survey survey(boolean anonymous, boolean perChild) {
        String id = "t" + UUID.randomUUID().toString().substring(0, 8);
        return new SurveyLoader().load("dialogs/surveys/" + id + ".yaml", """
                title: "Тест"
                anonymous: %s
                per: %s
                questions:
                  - { id: q1, kind: single, text: "Ходит?", options: ["да", "нет"], skip: { if: "нет", to: q3 } }
                  - { id: q2, kind: scale, text: "Оценка" }
                  - { id: q3, kind: text, required: false, text: "Ещё?" }
                """.formatted(anonymous, perChild ? "child" : "parent"));
    }

    private static ChatAddress chat() {
        return new ChatAddress("telegram", String.valueOf(newChatId()));
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    @Test
    void onePerChildForAPerChildSurveyAndANamedResponseKnowsTheChild() {
        Survey s = survey(false, true);
        ChatAddress chat = chat();
        Respondent masha = new Respondent(chat, "Маша|2018", "Маша (8)", "tsentr");
        Respondent petya = new Respondent(chat, "Петя|2015", "Петя (11)", "tsentr");
        Progress p = responses.start(s, masha).progress();
        p = responses.answer(p, "нет");
        assertThat(p.current()).isEqualTo("q3");
        assertThat(responses.skip(p).completed()).isTrue();
        assertThat(responses.start(s, masha).kind()).isEqualTo(Start.ALREADY_ANSWERED);
        assertThat(responses.start(s, petya).kind()).isEqualTo(Start.NEW);
        assertThat(jdbc.queryForObject("select child from survey_response where survey_id = ? and completed_at is not null",
                String.class, s.id())).isEqualTo("Маша (8)");
        assertThat(count("select count(*) from survey_response where survey_id = ? and chat_id = ?", s.id(), chat.chatId()))
                .isEqualTo(2);
    }

    @Test
    void anAnonymousResponseKeepsNoChatAndTheMarkerForgetsTheResponseAtTheEnd() {
        Survey s = survey(true, false);
        ChatAddress chat = chat();
        Respondent who = new Respondent(chat, "", null, "zarechny");
        Progress p = responses.start(s, who).progress();
        p = responses.answer(responses.answer(p, "да"), "4");
        responses.answer(p, "Спасибо");
        assertThat(count("select count(*) from survey_response where survey_id = ? and (chat_id is not null or channel is not null)",
                s.id())).isZero();
        assertThat(count("select count(*) from survey_participant where survey_id = ? and response_id is not null", s.id()))
                .isZero();
        assertThat(jdbc.queryForList("select chat_hash from survey_participant where survey_id = ?", String.class, s.id()))
                .hasSize(1).allMatch(h -> !h.contains(chat.chatId()));
        assertThat(responses.start(s, who).kind()).isEqualTo(Start.ALREADY_ANSWERED);
    }

    @Test
    void backThenADifferentAnswerDropsAnswersTheNewPathSkips() {
        Survey s = survey(false, false);
        Respondent who = new Respondent(chat(), "", null, null);
        Progress p = responses.start(s, who).progress();
        p = responses.answer(p, "да");
        p = responses.answer(p, "5");
        assertThat(p.current()).isEqualTo("q3");
        p = responses.back(p).orElseThrow();
        p = responses.back(p).orElseThrow();
        assertThat(p.current()).isEqualTo("q1");
        assertThat(responses.back(p)).isEmpty();
        p = responses.answer(p, "нет");
        assertThat(p.current()).isEqualTo("q3");
        p = responses.answer(p, "Нет секции рядом");
        assertThat(p.completed()).isTrue();
        assertThat(responses.answers(p.responseId())).containsOnlyKeys("q1", "q3");
    }

    @Test
    void deletedParentDataTakesNamedAnswersAndProgressButNotAnonymousCompletedAnswers() {
        Survey named = survey(false, false);
        Survey anonymous = survey(true, false);
        Survey anonymousInProgress = survey(true, false);
        ChatAddress chat = chat();
        Respondent who = new Respondent(chat, "", null, null);
        Progress p = responses.start(named, who).progress();
        responses.answer(responses.answer(responses.answer(p, "да"), "3"), "ок");
        Progress a = responses.start(anonymous, who).progress();
        responses.skip(responses.answer(a, "нет"));
        responses.answer(responses.start(anonymousInProgress, who).progress(), "да");

        events.publishEvent(new ParentDataDeleted(chat));

        assertThat(count("select count(*) from survey_response where survey_id = ?", named.id())).isZero();
        assertThat(count("select count(*) from survey_response where survey_id = ?", anonymousInProgress.id())).isZero();
        assertThat(count("select count(*) from survey_response where survey_id = ? and completed_at is not null", anonymous.id()))
                .isEqualTo(1);
        assertThat(count("select count(*) from survey_participant where chat_hash = ?", responses.chatHash(chat))).isZero();
        assertThat(responses.current(anonymousInProgress, who)).isEmpty();
        assertThat(List.of(named, anonymousInProgress)).allMatch(s -> !responses.answered(s, who));
    }
}
