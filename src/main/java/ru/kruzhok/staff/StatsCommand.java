package ru.kruzhok.staff;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.municipality.Municipality;

/**
 * /stats [municipality] — parent and question figures for the staff member's own municipalities
 * (all of them, plus the overall total, for admins). Staff never see another municipality's figures.
 */
@Component
class StatsCommand implements StaffCommand {

    static final String NOT_YOURS = "Статистика этого муниципалитета вам недоступна.";

    private final StaffAccess access;
    private final Municipalities municipalities;
    private final ParentFigures parents;
    private final QuestionFigures questions;

    StatsCommand(StaffAccess access, Municipalities municipalities, ParentFigures parents, QuestionFigures questions) {
        this.access = access;
        this.municipalities = municipalities;
        this.parents = parents;
        this.questions = questions;
    }

    @Override
    public String name() {
        return "stats";
    }


    @Override

    public Role role() {

        return Role.STAFF;

    }


    @Override

    public String description() {

        return "Статистика по родителям и вопросам";

    }

    @Override
    public List<Reply> handle(Incoming incoming) {
        if (!incoming.isPrivate()) {
            return List.of();
        }
        String wanted = incoming.commandArgs();
        if (!wanted.isEmpty()) {
            Optional<Municipality> m = municipalities.find(wanted);
            if (m.isEmpty() || !access.mayAct(incoming, m.get().code())) {
                return List.of(Reply.text(NOT_YOURS));
            }
            return List.of(Reply.text(section(m.get().name(), Set.of(m.get().code()))));
        }
        StringBuilder sb = new StringBuilder();
        if (access.isAdmin(incoming)) {
            sb.append(section("все муниципалитеты", Set.of())).append("\n\n");
        }
        for (String code : access.municipalitiesOf(incoming)) {
            String name = municipalities.find(code).map(Municipality::name).orElse(code);
            sb.append(section(name, Set.of(code))).append("\n\n");
        }
        return List.of(Reply.text(sb.toString().strip()));
    }

    private String section(String title, Set<String> scope) {
        ParentFigures.Figures p = parents.figuresFor(scope);
        QuestionFigures.Questions q = questions.questionsFor(scope);
        return "📊 **" + title + "**\n"
                + "Родителей: " + n(p.parents()) + " (новых за неделю: " + n(p.newThisWeek()) + ")\n"
                + "С согласием на обработку данных: " + n(p.withConsent()) + "\n"
                + "С включёнными уведомлениями: " + n(p.notificationsOn()) + "\n"
                + "Недоступны (заблокировали бота): " + n(p.unreachable()) + "\n"
                + "Вопросов задано: " + n(q.asked()) + ", передано специалистам: " + n(q.handedOver());
    }

    private static String n(Long value) {
        return value == null ? "—" : String.valueOf(value);
    }
}
