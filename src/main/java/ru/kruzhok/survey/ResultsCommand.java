package ru.kruzhok.survey;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.AlbumItem;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.OutgoingFile;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.staff.AuditLog;
import ru.kruzhok.staff.StaffAccess;
import ru.kruzhok.staff.StaffCommand;

/**
 * /results &lt;survey&gt; [municipality] for staff: the summary, then one chart per question as an album,
 * each captioned with its question. Staff see their own municipality's answers; admins see everyone's
 * unless they name a municipality. An unknown survey id gets the list of known ones.
 */
@Component
class ResultsCommand implements StaffCommand {

    private final StaffAccess access;
    private final SurveyResults results;
    private final SurveyCatalog catalog;
    private final AuditLog audit;

    ResultsCommand(StaffAccess access, SurveyResults results, SurveyCatalog catalog, AuditLog audit) {
        this.access = access;
        this.results = results;
        this.catalog = catalog;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "results";
    }

    @Override
    public Role role() {
        return Role.STAFF;
    }

    @Override
    public String description() {
        return "Итоги опроса: /results satisfaction";
    }

    @Override
    public List<Reply> handle(Incoming in) {
        String[] args = in.commandArgs().isBlank() ? new String[0] : in.commandArgs().split("\\s+");
        if (args.length == 0) {
            return List.of(Reply.text("Укажите опрос: /results <опрос> [код района].\n" + knownSurveys()));
        }
        if (catalog.find(args[0]).isEmpty()) {
            return List.of(Reply.text("Опрос «" + Markup.escape(args[0]) + "» не найден.\n" + knownSurveys()));
        }
        String municipality = args.length > 1 ? args[1] : null;
        if (municipality != null ? !access.mayAct(in, municipality) : !access.isAdmin(in)) {
            if (municipality != null) {
                return List.of(Reply.text("Результаты этого района вам недоступны."));
            }
            municipality = access.municipalitiesOf(in).stream().sorted().findFirst().orElse(null);
        }
        SurveyResults.Filter filter = new SurveyResults.Filter(municipality, null, null);
        String summary = results.summary(args[0], filter);
        List<AlbumItem> album = results.questionCharts(args[0], filter).stream()
                .map(c -> new AlbumItem(OutgoingFile.png(args[0] + "-" + c.questionId() + ".png", c.png()),
                        c.number() + ". " + Markup.escape(c.question())))
                .toList();
        audit.record(AuditLog.actorOf(in), "survey.results", args[0] + (municipality == null ? "" : " " + municipality));
        // one reply: the summary, then the charts as an album (Telegram splits it at 10 photos)
        return List.of(Reply.album(summary, album));
    }

    private String knownSurveys() {
        return "Опросы: " + catalog.all().stream()
                .map(s -> s.id() + " — «" + Markup.escape(s.title()) + "»")
                .collect(Collectors.joining("; ")) + ".";
    }
}
