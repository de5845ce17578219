package ru.kruzhok.staff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.OutgoingFile;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.municipality.Municipality;

/**
 * /export [what] [municipality]: the files a methodist needs for a report, sent as documents in the
 * private chat — every offered file when nothing is named. Staff get their own municipalities only;
 * admins get everything unless they name a municipality. Files hold personal data, so they are never
 * sent to a group, and every export is audited (names and scope, no personal data).
 */
@Component
class ExportCommand implements StaffCommand {

    static final String PRIVATE_ONLY = "Выгрузки с данными родителей присылаю только в личном чате со мной.";
    static final String NOT_YOURS = "Данные этого муниципалитета вам недоступны.";

    private final StaffAccess access;
    private final Municipalities municipalities;
    private final List<StaffExport> exports;
    private final AuditLog audit;

    ExportCommand(StaffAccess access, Municipalities municipalities, List<StaffExport> exports, AuditLog audit) {
        this.access = access;
        this.municipalities = municipalities;
        this.exports = exports;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public Role role() {
        return Role.STAFF;
    }

    @Override
    public String description() {
        return "Выгрузки в Excel: /export [parents | questions | опрос] [район]";
    }

    @Override
    public List<Reply> handle(Incoming in) {
        if (!in.isPrivate()) {
            return List.of(Reply.text(PRIVATE_ONLY));
        }
        Map<String, Map.Entry<StaffExport, StaffExport.Offer>> offers = new LinkedHashMap<>();
        for (StaffExport export : exports) {
            for (StaffExport.Offer offer : export.offers()) {
                offers.putIfAbsent(offer.name(), Map.entry(export, offer));
            }
        }
        List<String> wanted = new ArrayList<>();
        String municipality = null;
        for (String arg : in.commandArgs().isBlank() ? new String[0] : in.commandArgs().strip().split("\\s+")) {
            Optional<Municipality> m = municipalities.find(arg);
            if (m.isPresent()) {
                municipality = m.get().code();
            } else if (offers.containsKey(arg)) {
                wanted.add(arg);
            } else {
                return List.of(Reply.text("Не знаю выгрузку «" + Markup.escape(arg) + "».\n" + list(offers)));
            }
        }
        Set<String> scope;
        if (municipality != null) {
            if (!access.mayAct(in, municipality)) {
                return List.of(Reply.text(NOT_YOURS));
            }
            scope = Set.of(municipality);
        } else {
            scope = access.isAdmin(in) ? Set.of() : access.municipalitiesOf(in);
        }
        List<String> names = wanted.isEmpty() ? List.copyOf(offers.keySet()) : wanted;
        List<Reply> replies = new ArrayList<>();
        for (String name : names) {
            Map.Entry<StaffExport, StaffExport.Offer> e = offers.get(name);
            for (OutgoingFile file : e.getKey().files(name, scope)) {
                replies.add(Reply.text(Markup.escape(e.getValue().title())).withFile(file));
            }
        }
        audit.record(AuditLog.actorOf(in), "export", String.join(" ", names)
                + (scope.isEmpty() ? " all" : " " + String.join(",", scope.stream().sorted().toList())));
        if (replies.isEmpty()) {
            return List.of(Reply.text("Пока нечего выгружать."));
        }
        return replies;
    }

    private static String list(Map<String, Map.Entry<StaffExport, StaffExport.Offer>> offers) {
        return "Выгрузки: " + offers.values().stream()
                .map(e -> e.getValue().name() + " — " + Markup.escape(e.getValue().title()))
                .collect(Collectors.joining("; ")) + ". Без названия пришлю все.";
    }

}
