package ru.kruzhok.survey;

import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.IncomingFilter;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.staff.AuditLog;
import ru.kruzhok.staff.StaffAccess;
import ru.kruzhok.staff.StaffCommand;
import ru.kruzhok.staff.StaffFilterOrder;

/**
 * /invite &lt;survey&gt; for staff: invites the survey's audience in their municipalities (admins:
 * everyone) through the outbox. Parents already invited or who already answered are left alone, so
 * running it again only reaches newcomers.
 */
@Component
@Order(StaffFilterOrder.FEATURE_COMMANDS)
class InviteCommand implements IncomingFilter {

    private final StaffAccess access;
    private final SurveyInviter inviter;

    InviteCommand(StaffAccess access, SurveyInviter inviter) {
        this.access = access;
        this.inviter = inviter;
    }

    @Override
    public Optional<List<Reply>> intercept(Incoming in) {
        if (!"invite".equals(in.command()) || !access.isStaff(in)) {
            return Optional.empty();
        }
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

    private static Optional<List<Reply>> reply(String text) {
        return Optional.of(List.of(Reply.text(text)));
    }

    @Configuration(proxyBeanMethods = false)
    static class Declaration {
        @Bean
        StaffCommand inviteStaffCommand() {
            return StaffCommand.staff("invite", "Пригласить на опрос: /invite satisfaction");
        }
    }
}
