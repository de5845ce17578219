package ru.kruzhok.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.IncomingFilter;
import ru.kruzhok.channel.OutgoingFile;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.staff.AuditLog;
import ru.kruzhok.staff.StaffAccess;
import ru.kruzhok.staff.StaffCommand;
import ru.kruzhok.staff.StaffFilterOrder;

/**
 * /results &lt;survey&gt; [municipality] for staff: the summary and one chart per question. Staff see
 * their own municipality's answers; admins see everyone's unless they name a municipality.
 */
@Component
@Order(StaffFilterOrder.FEATURE_COMMANDS)
class ResultsCommand implements IncomingFilter {

    private final StaffAccess access;
    private final SurveyResults results;
    private final AuditLog audit;

    ResultsCommand(StaffAccess access, SurveyResults results, AuditLog audit) {
        this.access = access;
        this.results = results;
        this.audit = audit;
    }

    @Override
    public Optional<List<Reply>> intercept(Incoming in) {
        if (!"results".equals(in.command()) || !access.isStaff(in)) {
            return Optional.empty();
        }
        String[] args = in.commandArgs().isBlank() ? new String[0] : in.commandArgs().split("\\s+");
        if (args.length == 0) {
            return Optional.of(List.of(Reply.text("Укажите опрос: /results satisfaction [код района]")));
        }
        String municipality = args.length > 1 ? args[1] : null;
        if (municipality != null ? !access.mayAct(in, municipality) : !access.isAdmin(in)) {
            if (municipality != null) {
                return Optional.of(List.of(Reply.text("Результаты этого района вам недоступны.")));
            }
            municipality = access.municipalitiesOf(in).stream().sorted().findFirst().orElse(null);
        }
        SurveyResults.Filter filter = new SurveyResults.Filter(municipality, null, null);
        List<Reply> replies = new ArrayList<>();
        try {
            replies.add(Reply.text(results.summary(args[0], filter)));
            int n = 1;
            for (byte[] png : results.charts(args[0], filter)) {
                replies.add(Reply.text("").withFile(OutgoingFile.png("chart-" + n++ + ".png", png)));
            }
        } catch (RuntimeException e) {
            return Optional.of(List.of(Reply.text("Опрос «" + args[0] + "» не найден.")));
        }
        audit.record(AuditLog.actorOf(in), "survey.results", args[0] + (municipality == null ? "" : " " + municipality));
        return Optional.of(replies);
    }

    @Configuration(proxyBeanMethods = false)
    static class Declaration {
        @Bean
        StaffCommand resultsStaffCommand() {
            return StaffCommand.staff("results", "Итоги опроса: /results satisfaction");
        }
    }
}
