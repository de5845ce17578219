package ru.kruzhok.survey;

import java.util.List;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.staff.AuditLog;
import ru.kruzhok.staff.StaffAccess;
import ru.kruzhok.staff.StaffCommand;

/**
 * /invite &lt;survey&gt; for staff: invites the survey's audience in their municipalities (admins:
 * everyone) through the outbox. Parents already invited or who already answered are left alone, so
 * running it again only reaches newcomers.
 */
@Component
class InviteCommand implements StaffCommand {

    private final StaffAccess access;
    private final SurveyInviter inviter;

    InviteCommand(StaffAccess access, SurveyInviter inviter) {
        this.access = access;
        this.inviter = inviter;
    }

    @Override
    public String name() {
        return "invite";
    }

    @Override
    public Role role() {
        return Role.STAFF;
    }

    @Override
    public String description() {
        return "Пригласить на опрос: /invite satisfaction";
    }

    @Override
    public List<Reply> handle(Incoming in) {
        String surveyId = in.commandArgs().isBlank() ? "" : in.commandArgs().split("\\s+")[0];
        if (surveyId.isEmpty()) {
            return reply("Укажите опрос: /invite satisfaction");
        }
        SurveyInviter.Result result = inviter.invite(surveyId, access.isAdmin(in) ? null : access.municipalitiesOf(in),
                AuditLog.actorOf(in));
        if (result.refusal() == SurveyInviter.Refusal.NOT_FOUND) {
            return reply("Опрос «" + Markup.escape(surveyId) + "» не найден.");
        }
        String title = "«" + Markup.escape(result.title()) + "»";
        if (result.refusal() == SurveyInviter.Refusal.NOT_OPEN) {
            return reply("Опрос " + title + " сейчас закрыт — приглашения не отправлены.");
        }
        if (result.invited() == 0) {
            return reply("Новых получателей для опроса " + title + " нет: все уже приглашены или ответили.");
        }
        return reply("Приглашения на опрос " + title + " поставлены в очередь: " + result.invited()
                + ". Ход отправки: рассылка №" + result.noticeId() + ".");
    }

    private static List<Reply> reply(String text) {
        return List.of(Reply.text(text));
    }
}
