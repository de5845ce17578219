package ru.kruzhok.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.municipality.Municipality;
import ru.kruzhok.sheet.XlsxBook;
import ru.kruzhok.staff.AuditLog;

/**
 * {@code GET /api/admin/report?from=2026-09-01&to=2026-11-30[&municipality=tsentr]}: the period report
 * XLSX (every municipality and the region, or one municipality). Behind the admin token.
 */
@RestController
class ReportController {

    private final PeriodReport report;
    private final Municipalities municipalities;
    private final AuditLog audit;

    ReportController(PeriodReport report, Municipalities municipalities, AuditLog audit) {
        this.report = report;
        this.municipalities = municipalities;
        this.audit = audit;
    }

    @GetMapping("/api/admin/report")
    ResponseEntity<?> report(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(required = false) String municipality) {
        if (to.isBefore(from)) {
            return ResponseEntity.badRequest().body(Map.of("error", "to is before from"));
        }
        PeriodReport.Request request;
        if (municipality != null && !municipality.isBlank()) {
            if (!municipalities.exists(municipality)) {
                return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no municipality '" + municipality + "'"));
            }
            request = new PeriodReport.Request(from, to, List.of(municipalities.find(municipality).orElseThrow().code()), false);
        } else {
            request = new PeriodReport.Request(from, to, municipalities.all().stream().map(Municipality::code).toList(), true);
        }
        byte[] body = report.xlsx(request);
        audit.record(AuditLog.ADMIN_API, "report", from + " " + to + " " + String.join(",", request.columns()));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XlsxBook.MIME))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("report-" + from + "-" + to + ".xlsx").build().toString())
                .body(body);
    }
}
