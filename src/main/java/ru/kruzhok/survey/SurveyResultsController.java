package ru.kruzhok.survey;

import java.time.LocalDate;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.kruzhok.survey.SurveyResults.Filter;

/**
 * Staff endpoints for survey results (design.md §3): JSON, CSV, XLSX and a chart per question.
 * Filters: {@code municipality}, {@code from}, {@code to} (dates, inclusive).
 */
@RestController
@RequestMapping("/api/admin/surveys/{id}")
class SurveyResultsController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SurveyResults results;
    private final SurveyExports exports;

    SurveyResultsController(SurveyResults results, SurveyExports exports) {
        this.results = results;
        this.exports = exports;
    }

    @GetMapping("/results")
    SurveyResults.Results results(@PathVariable String id, @RequestParam(required = false) String municipality,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return results.results(id, new Filter(municipality, from, to));
    }

    @GetMapping("/results.csv")
    ResponseEntity<byte[]> csv(@PathVariable String id, @RequestParam(required = false) String municipality,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        byte[] body = exports.csv(id, new Filter(municipality, from, to));
        return file(body, new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8), id + ".csv");
    }

    @GetMapping("/results.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String id, @RequestParam(required = false) String municipality,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        byte[] body = exports.xlsx(id, new Filter(municipality, from, to));
        return file(body, XLSX, id + ".xlsx");
    }

    @GetMapping("/questions/{question}/chart.png")
    ResponseEntity<?> chart(@PathVariable String id, @PathVariable String question,
                            @RequestParam(required = false) String municipality,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return results.chart(id, question, new Filter(municipality, from, to))
                .<ResponseEntity<?>>map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(Map.of("error", "a free-text question has no chart; its answers are in the results")));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, String>> notFound(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", e.getMessage()));
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
