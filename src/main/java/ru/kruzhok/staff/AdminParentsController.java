package ru.kruzhok.staff;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/parents.csv}: the admin export of known parents, audited. UTF-8 with a byte
 * order mark so Excel opens Cyrillic correctly; separator ';' as Russian Excel expects. The CSV is
 * written by hand (a dozen lines) because the project has no CSV library yet; if the catalog or
 * survey feature brings one, use it here.
 */
@RestController
class AdminParentsController {

    private final ParentExport export;
    private final AuditLog audit;

    AdminParentsController(ParentExport export, AuditLog audit) {
        this.export = export;
        this.audit = audit;
    }

    @GetMapping("/api/admin/parents.csv")
    ResponseEntity<byte[]> parentsCsv() {
        List<List<String>> rows = export.rows();
        StringBuilder csv = new StringBuilder("\uFEFF");
        line(csv, export.header());
        rows.forEach(row -> line(csv, row));
        audit.record(AuditLog.ADMIN_API, "parents.export", rows.size() + " rows");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"parents.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(';');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /** RFC 4180 quoting, and a leading quote for cells Excel would run as a formula. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-\\d+")) {
            v = "'" + v;
        }
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r") || v.contains(",")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
