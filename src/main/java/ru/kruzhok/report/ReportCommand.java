package ru.kruzhok.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.OutgoingFile;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.municipality.Municipality;
import ru.kruzhok.sheet.XlsxBook;
import ru.kruzhok.staff.AuditLog;
import ru.kruzhok.staff.StaffAccess;
import ru.kruzhok.staff.StaffCommand;

/**
 * /report &lt;from&gt; &lt;to&gt; [municipality]: the period report as an XLSX document. Staff get their
 * own municipalities; admins get every municipality and the region unless they name one.
 */
@Component
class ReportCommand implements StaffCommand {

    static final String USAGE = "Укажите период: /report 01.09.2026 30.11.2026 [район]. Даты — первый и последний день.";
    static final String NOT_YOURS = "Отчёт по этому муниципалитету вам недоступен.";
    private static final DateTimeFormatter RU = DateTimeFormatter.ofPattern("d.M.uuuu");

    private final PeriodReport report;
    private final StaffAccess access;
    private final Municipalities municipalities;
    private final AuditLog audit;

    ReportCommand(PeriodReport report, StaffAccess access, Municipalities municipalities, AuditLog audit) {
        this.report = report;
        this.access = access;
        this.municipalities = municipalities;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public Role role() {
        return Role.STAFF;
    }

    @Override
    public String description() {
        return "Отчёт за период в Excel: /report 01.09.2026 30.11.2026";
    }

    @Override
    public List<Reply> handle(Incoming in) {
        String[] args = in.commandArgs().isBlank() ? new String[0] : in.commandArgs().strip().split("\\s+");
        if (args.length < 2 || args.length > 3) {
            return List.of(Reply.text(USAGE));
        }
        Optional<LocalDate> from = date(args[0]);
        Optional<LocalDate> to = date(args[1]);
        if (from.isEmpty() || to.isEmpty() || to.get().isBefore(from.get())) {
            return List.of(Reply.text(USAGE));
        }
        PeriodReport.Request request;
        if (args.length == 3) {
            Optional<Municipality> m = municipalities.find(args[2]);
            if (m.isEmpty() || !access.mayAct(in, m.get().code())) {
                return List.of(Reply.text(NOT_YOURS));
            }
            request = new PeriodReport.Request(from.get(), to.get(), List.of(m.get().code()), false);
        } else {
            request = new PeriodReport.Request(from.get(), to.get(),
                    access.municipalitiesOf(in).stream().sorted().toList(), access.isAdmin(in));
        }
        byte[] file = report.xlsx(request);
        audit.record(AuditLog.actorOf(in), "report", from.get() + " " + to.get() + " "
                + String.join(",", request.columns()) + (request.region() ? " region" : ""));
        String name = "report-" + from.get() + "-" + to.get() + ".xlsx";
        return List.of(Reply.text("📈 Отчёт за " + RU.format(from.get()) + " – " + RU.format(to.get()))
                .withFile(OutgoingFile.document(name, XlsxBook.MIME, file)));
    }

    /** «01.09.2026», «1.9.2026» or «2026-09-01». */
    static Optional<LocalDate> date(String s) {
        try {
            return Optional.of(s.contains("-") ? LocalDate.parse(s) : LocalDate.parse(s, RU));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
