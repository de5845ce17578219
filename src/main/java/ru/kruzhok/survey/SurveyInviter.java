package ru.kruzhok.survey;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kruzhok.broadcast.Notices;
import ru.kruzhok.channel.Button;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.dialog.DialogRegistry;
import ru.kruzhok.parent.ParentProfiles;
import ru.kruzhok.parent.ParentProfiles.AudienceFilter;
import ru.kruzhok.staff.AuditLog;

/**
 * Invites a survey's audience through the notifications outbox: parents with notifications on whose
 * profile matches the survey, within the municipalities the inviter may reach, who have neither
 * answered nor been invited before. Each invitation is recorded (the response rate's denominator)
 * in the same transaction that queues the messages, so a crash leaves both or neither.
 */
@Service
public class SurveyInviter {

    /** What an invitation run did; {@code refusal} is null when it went ahead (even to nobody). */
    public record Result(Refusal refusal, String title, int invited, Long noticeId) {
    }

    public enum Refusal { NOT_FOUND, NOT_OPEN }

    static final String KIND = "survey_invitation";

    private final SurveyCatalog catalog;
    private final SurveyInvitations invitations;
    private final SurveyResponses responses;
    private final ParentProfiles profiles;
    private final Notices notices;
    private final DialogRegistry texts;
    private final AuditLog audit;
    private final Clock clock;

    SurveyInviter(SurveyCatalog catalog, SurveyInvitations invitations, SurveyResponses responses,
                  ParentProfiles profiles, Notices notices, DialogRegistry texts, AuditLog audit, Clock clock) {
        this.catalog = catalog;
        this.invitations = invitations;
        this.responses = responses;
        this.profiles = profiles;
        this.notices = notices;
        this.texts = texts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param reach the municipalities the inviter may reach; null for everyone (an admin)
     * @param actor who asks, for the audit log ({@link AuditLog#ADMIN_API}, "telegram:123")
     */
    @Transactional
    public Result invite(String surveyId, Set<String> reach, String actor) {
        Optional<Survey> found = catalog.find(surveyId == null ? "" : surveyId.strip());
        if (found.isEmpty()) {
            return new Result(Refusal.NOT_FOUND, null, 0, null);
        }
        Survey survey = found.get();
        if (!survey.isOpen(LocalDate.now(clock))) {
            return new Result(Refusal.NOT_OPEN, survey.title(), 0, null);
        }
        Optional<AudienceFilter> filter = audience(survey.audience(), reach);
        List<ChatAddress> candidates = filter.map(profiles::audience).orElse(List.of());
        Set<String> answered = responses.completedChatHashes(survey);
        List<ChatAddress> notAnswered = candidates.stream()
                .filter(chat -> !answered.contains(responses.chatHash(chat))).toList();
        List<ChatAddress> fresh = invitations.recordNewInvitations(survey.id(), notAnswered);
        Long noticeId = null;
        if (!fresh.isEmpty()) {
            String text = texts.text("survey_invitation").replace("{title}", Markup.escape(survey.title()));
            noticeId = notices.send(new Notices.Notice(KIND, text,
                    List.of(List.of(Button.action(texts.text("button_survey_invitation"), "/survey " + survey.id()))),
                    "survey:" + survey.id()), fresh);
        }
        audit.record(actor, "survey.invite", survey.id() + " to " + (reach == null ? "all" : String.join(",", reach))
                + ": " + fresh.size() + " invited" + (noticeId == null ? "" : ", notice " + noticeId));
        return new Result(null, survey.title(), fresh.size(), noticeId);
    }

    /**
     * The survey's audience narrowed to {@code reach}; empty when nobody can be reached (the survey's
     * municipalities and the inviter's do not meet).
     */
    static Optional<AudienceFilter> audience(Survey.Audience audience, Set<String> reach) {
        Set<String> municipalities = new LinkedHashSet<>();
        if (!audience.everyone() && !audience.municipalities().isEmpty()) {
            municipalities.addAll(audience.municipalities());
            if (reach != null) {
                municipalities.retainAll(reach);
            }
            if (municipalities.isEmpty()) {
                return Optional.empty();
            }
        } else if (reach != null) {
            if (reach.isEmpty()) {
                return Optional.empty();
            }
            municipalities.addAll(reach);
        }
        Integer from = audience.everyone() ? null : audience.ageFrom();
        Integer to = audience.everyone() ? null : audience.ageTo();
        return Optional.of(new AudienceFilter(municipalities, from, to, Set.of()));
    }
}
