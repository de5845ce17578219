package ru.kruzhok.survey;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.kruzhok.broadcast.SurveyNonRespondents;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.parent.ParentProfiles;

/**
 * Tells announcements which parents have not completed a survey. A parent counts as having answered
 * once one response of theirs is complete (for a per-child survey: for any child). Works from the
 * salted participant markers, so anonymous surveys stay anonymous: nothing here says who answered
 * what, only that the chat has a completed marker.
 */
@Component
class SurveyNonRespondentsQuery implements SurveyNonRespondents {

    private final SurveyCatalog catalog;
    private final SurveyResponses responses;
    private final ParentProfiles parents;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SurveyNonRespondentsQuery(SurveyCatalog catalog, SurveyResponses responses, ParentProfiles parents,
                              JdbcTemplate jdbc, Clock clock) {
        this.catalog = catalog;
        this.responses = responses;
        this.parents = parents;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<SurveyChoice> openSurveys() {
        LocalDate today = LocalDate.now(clock);
        return catalog.all().stream().filter(s -> s.isOpen(today))
                .map(s -> new SurveyChoice(s.id(), s.title())).toList();
    }

    @Override
    public boolean exists(String surveyId) {
        return catalog.find(surveyId).isPresent();
    }

    @Override
    public List<ChatAddress> notCompleted(String surveyId, List<ChatAddress> chats) {
        Survey survey = catalog.find(surveyId).orElseThrow(() -> new IllegalArgumentException("unknown survey"));
        Set<String> completed = new HashSet<>(jdbc.queryForList(
                "select chat_hash from survey_participant where survey_id = ? and completed", String.class, surveyId));
        boolean everyone = survey.audience().everyone();
        return chats.stream()
                .filter(chat -> !completed.contains(responses.chatHash(chat)))
                .filter(chat -> everyone || parents.find(chat).map(p -> SurveyChat.inAudience(survey, p)).orElse(false))
                .toList();
    }
}
