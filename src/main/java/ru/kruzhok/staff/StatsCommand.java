package ru.kruzhok.staff;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.municipality.Municipality;

/**
 * /stats [municipality] — parent and question figures for the staff member's own municipalities
 * (all of them, plus the overall total, for admins). Staff never see another municipality's figures.
 * In a bound staff group it answers with the group's municipality, for whoever may act for it.
 */
@Component
class StatsCommand implements StaffCommand {

    static final String NOT_YOURS = "Статистика этого муниципалитета вам недоступна.";

    private final StaffAccess access;
    private final Municipalities municipalities;
    private final StatsFigures figures;
    private final StaffChats staffChats;

    StatsCommand(StaffAccess access, Municipalities municipalities, StatsFigures figures, StaffChats staffChats) {
        this.access = access;
        this.municipalities = municipalities;
        this.figures = figures;
        this.staffChats = staffChats;
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
        String wanted = incoming.commandArgs();
        if (!incoming.isPrivate()) {
            // a staff group sees its own municipality (named or not); another one's figures stay private
            Optional<String> group = staffChats.municipalityOfStaffChat(incoming.chat());
            if (group.isEmpty() || !access.mayAct(incoming, group.get())
                    || (!wanted.isEmpty() && !municipalities.find(wanted).map(Municipality::code).equals(group))) {
                return List.of(Reply.text(NOT_YOURS));
            }
            return List.of(Reply.text(section(nameOf(group.get()), Set.of(group.get()))));
        }
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
            sb.append(section(nameOf(code), Set.of(code))).append("\n\n");
        }
        return List.of(Reply.text(sb.toString().strip()));
    }

    private String nameOf(String code) {
        return municipalities.find(code).map(Municipality::name).orElse(code);
    }

    String section(String title, Set<String> scope) {
        StatsFigures.Section s = figures.section(scope);
        ParentFigures.Figures p = s.parents();
        AnsweredQuestions.Answered q = s.questions();
        StringBuilder sb = new StringBuilder("📊 **" + Markup.escape(title) + "**\n"
                + "Родителей: " + n(p.parents()) + " (новых за неделю: " + n(p.newThisWeek()) + ")\n"
                + "С согласием на обработку данных: " + n(p.withConsent()) + "\n"
                + "С включёнными уведомлениями: " + n(p.notificationsOn()) + "\n"
                + "Недоступны (заблокировали бота): " + n(p.unreachable()) + "\n"
                + "Вопросов: " + q.questions() + " — ответил бот: " + q.byBot()
                + ", передано специалистам: " + q.handedOver() + " (отвечено: " + q.answeredByStaff() + ")");
        s.extra().forEach(line -> sb.append('\n').append(line));
        return sb.toString();
    }

    private static String n(Long value) {
        return value == null ? "—" : String.valueOf(value);
    }
}
