package ru.kruzhok.catalog;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import ru.kruzhok.direction.Direction;
import ru.kruzhok.municipality.Municipalities;

/**
 * The catalog's HTTP API (design.md §3): public search with the chat's semantics (free text is
 * parsed into filters the same way), and the admin import (its bearer token is checked by the
 * /api/admin/** filter).
 */
@RestController
class ProgramController {

    private final ProgramSearch search;
    private final ProgramImport programImport;
    private final SearchTextParser parser;
    private final Municipalities municipalities;

    ProgramController(ProgramSearch search, ProgramImport programImport, SearchTextParser parser,
                      Municipalities municipalities) {
        this.search = search;
        this.programImport = programImport;
        this.parser = parser;
        this.municipalities = municipalities;
    }

    /** {@code applied}: the filters actually used, including those read from {@code q}. */
    record SearchResponse(long total, java.util.List<Program> items, int page, int size, Applied applied,
                          ProgramPage.RelaxSuggestion relaxSuggestion) {
    }

    record Applied(String q, Direction direction, Integer age, String municipality, String district, CostType cost,
                   Boolean ovz) {
    }

    @GetMapping("/api/programs")
    SearchResponse programs(@RequestParam(required = false) String q,
                            @RequestParam(required = false) String direction,
                            @RequestParam(required = false) String age,
                            @RequestParam(required = false) String municipality,
                            @RequestParam(required = false) String district,
                            @RequestParam(required = false) String cost,
                            @RequestParam(required = false) Boolean ovz,
                            @RequestParam(defaultValue = "0") String page,
                            @RequestParam(defaultValue = "10") String size) {
        ProgramQuery query = ProgramQuery.all()
                .withDirection(direction == null || direction.isBlank() ? null : Direction.fromApiName(direction)
                        .orElseThrow(() -> badRequest("direction must be one of " + Direction.apiNames())))
                .withCost(cost == null || cost.isBlank() ? null : CostType.fromApiName(cost)
                        .orElseThrow(() -> badRequest("cost must be one of " + CostType.apiNames())))
                .withAge(age == null || age.isBlank() ? null : number(age, "age", 0, 99))
                .withMunicipality(municipality)
                .withDistrict(district)
                .withOvz(ovz)
                .withPage(number(page, "page", 0, 100_000), number(size, "size", 1, Integer.MAX_VALUE));
        if (query.municipality() != null && !municipalities.exists(query.municipality())) {
            throw badRequest("unknown municipality " + query.municipality());
        }
        query = parser.parse(q).applyTo(query)
                .withPage(query.page(), Math.min(query.size(), ProgramSearch.MAX_SIZE));
        ProgramPage found = search.search(query);
        return new SearchResponse(found.total(), found.items(), found.page(), found.size(),
                new Applied(SearchTextParser.shown(query.text()), query.direction(), query.age(), query.municipality(), query.district(),
                        query.cost(), query.ovz()), found.relaxSuggestion());
    }

    @PostMapping(path = "/api/admin/programs/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResponse importPrograms(@RequestPart("file") MultipartFile file,
                                  @RequestParam(defaultValue = "false") boolean partial,
                                  @RequestParam(defaultValue = "true") boolean full,
                                  @RequestParam(required = false) String municipality) throws IOException {
        ImportResult result = programImport.importFile(file.getOriginalFilename(), file.getBytes(),
                new ProgramImport.Options(partial, full, municipality == null || municipality.isBlank() ? null : municipality));
        return new ImportResponse(result.created(), result.updated(), result.deactivated(), result.rejected());
    }

    record ImportResponse(int created, int updated, int deactivated, java.util.List<ImportResult.RejectedRow> rejected) {
    }

    @ExceptionHandler(ImportFileException.class)
    ResponseEntity<Map<String, String>> unusableFile(ImportFileException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", e.getMessage()));
    }

    private static int number(String value, String name, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw badRequest(name + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw badRequest(name + " must be a number");
        }
    }

    private static ResponseStatusException badRequest(String message) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
    }
}
