package ru.kruzhok.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.kruzhok.direction.Direction;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.municipality.Municipality;

/**
 * Turns the rows of a file into valid programs and rejected rows with reasons staff can act on.
 * Finds the header row itself (a sheet may have a title above it), so column order is free and
 * extra columns are ignored.
 */
final class ImportRows {

    /** Headers are looked for this far down: МОЦ sheets often carry a title and a date above them. */
    private static final int HEADER_SEARCH_ROWS = 10;
    private static final int MIN_KNOWN_HEADERS = 3;
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,3})(?:[.,]0+)?(?:\\s*\\p{L}.*)?");
    private static final Pattern RANGE = Pattern.compile(
            "(?:от|с)?\\s*(\\d{1,2})\\s*(?:-|–|—|до|по)\\s*(\\d{1,2})(?:\\s*\\p{L}.*)?");
    private static final Pattern PRICE = Pattern.compile("(\\d+(?:[.,]\\d{1,2})?)(?:\\s*(?:₽|р|руб|рублей|р\\.|руб\\.)\\.?.*)?");
    private static final int MAX_AGE = 99;

    record Parsed(List<ImportedProgram> programs, List<ImportResult.RejectedRow> rejected,
                  Set<String> rejectedIds, int dataRows) {
    }

    private final Municipalities municipalities;
    private final String defaultMunicipality;

    ImportRows(Municipalities municipalities, String defaultMunicipality) {
        this.municipalities = municipalities;
        this.defaultMunicipality = defaultMunicipality;
    }

    Parsed parse(List<SpreadsheetReader.SheetRow> rows) {
        int headerIndex = -1;
        Map<ImportColumn, Integer> columns = Map.of();
        for (int i = 0; i < Math.min(HEADER_SEARCH_ROWS, rows.size()); i++) {
            Map<ImportColumn, Integer> found = columns(rows.get(i).cells());
            if (found.size() >= MIN_KNOWN_HEADERS) {
                headerIndex = i;
                columns = found;
                break;
            }
        }
        if (headerIndex < 0) {
            throw new ImportFileException("Не нашёл строку заголовков. Первая строка таблицы должна называть столбцы: "
                    + "«ID», «Название», «Муниципалитет», «Направленность», «Возраст от», «Возраст до», «Оплата»…");
        }
        List<String> missing = new ArrayList<>();
        for (ImportColumn c : ImportColumn.values()) {
            if (c.required && !columns.containsKey(c)) {
                missing.add("«" + c.header() + "»");
            }
        }
        if (!columns.containsKey(ImportColumn.AGE)
                && !(columns.containsKey(ImportColumn.AGE_FROM) && columns.containsKey(ImportColumn.AGE_TO))) {
            missing.add("«Возраст от» и «Возраст до»");
        }
        if (!columns.containsKey(ImportColumn.MUNICIPALITY) && defaultMunicipality == null) {
            missing.add("«Муниципалитет»");
        }
        if (!missing.isEmpty()) {
            throw new ImportFileException("В файле нет столбцов: " + String.join(", ", missing) + ".");
        }

        List<ImportedProgram> programs = new ArrayList<>();
        List<ImportResult.RejectedRow> rejected = new ArrayList<>();
        Set<String> rejectedIds = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        int dataRows = 0;
        for (int i = headerIndex + 1; i < rows.size(); i++) {
            SpreadsheetReader.SheetRow row = rows.get(i);
            if (row.blank()) {
                continue;
            }
            dataRows++;
            Cells cells = new Cells(row.cells(), columns);
            List<String> problems = new ArrayList<>();
            ImportedProgram program = program(cells, problems);
            String id = cells.get(ImportColumn.ID);
            if (!id.isEmpty()) {
                Integer first = seen.putIfAbsent(id, row.number());
                if (first != null) {
                    problems.add("ID " + id + " уже есть в строке " + first);
                }
            }
            if (problems.isEmpty()) {
                programs.add(program);
            } else {
                if (!id.isEmpty()) {
                    rejectedIds.add(id);
                }
                rejected.add(new ImportResult.RejectedRow(row.number(), String.join("; ", problems)));
            }
        }
        if (dataRows == 0) {
            throw new ImportFileException("В файле нет ни одной программы: под заголовками пусто.");
        }
        return new Parsed(programs, rejected, rejectedIds, dataRows);
    }

    private static Map<ImportColumn, Integer> columns(List<String> header) {
        Map<ImportColumn, Integer> found = new EnumMap<>(ImportColumn.class);
        for (int i = 0; i < header.size(); i++) {
            ImportColumn c = ImportColumn.of(header.get(i));
            if (c != null) {
                found.putIfAbsent(c, i);
            }
        }
        return found;
    }

    private ImportedProgram program(Cells cells, List<String> problems) {
        String id = cells.get(ImportColumn.ID);
        if (id.isEmpty()) {
            problems.add("не указан ID");
        } else if (id.length() > 100) {
            problems.add("ID длиннее 100 символов");
        }
        String title = cells.get(ImportColumn.TITLE);
        if (title.isEmpty()) {
            problems.add("не указано название");
        }

        String municipalityText = cells.get(ImportColumn.MUNICIPALITY);
        if (municipalityText.isEmpty()) {
            municipalityText = defaultMunicipality == null ? "" : defaultMunicipality;
        }
        String municipality = municipality(municipalityText).orElse(null);
        if (municipalityText.isEmpty()) {
            problems.add("не указан муниципалитет");
        } else if (municipality == null) {
            problems.add("неизвестный муниципалитет «" + municipalityText + "»: ожидается один из "
                    + String.join(", ", municipalities.all().stream().map(Municipality::code).toList()));
        }

        String directionText = cells.get(ImportColumn.DIRECTION);
        Direction direction = Direction.parse(directionText).orElse(null);
        if (direction == null) {
            problems.add(directionText.isEmpty() ? "не указана направленность"
                    : "неизвестная направленность «" + directionText + "»: ожидается " + Direction.titlesInWords());
        }

        Integer ageFrom = null;
        Integer ageTo = null;
        String fromText = cells.get(ImportColumn.AGE_FROM);
        String toText = cells.get(ImportColumn.AGE_TO);
        String rangeText = cells.get(ImportColumn.AGE);
        if (fromText.isEmpty() && toText.isEmpty() && !rangeText.isEmpty()) {
            Matcher m = RANGE.matcher(rangeText.toLowerCase(Locale.ROOT));
            if (m.matches()) {
                ageFrom = Integer.parseInt(m.group(1));
                ageTo = Integer.parseInt(m.group(2));
            } else {
                problems.add("возраст «" + rangeText + "» не похож на «5-18»");
            }
        } else {
            ageFrom = age(fromText, "от", problems);
            ageTo = age(toText, "до", problems);
        }
        if (ageFrom != null && ageTo != null && ageFrom > ageTo) {
            problems.add("возраст от " + ageFrom + " больше, чем до " + ageTo);
        }

        String formatText = cells.get(ImportColumn.FORMAT);
        ProgramFormat format = ProgramFormat.parse(formatText).orElse(null);
        if (format == null) {
            problems.add("неизвестный формат «" + formatText + "»: ожидается очно, дистанционно или смешанно");
        }

        String costText = cells.get(ImportColumn.COST_TYPE);
        CostType cost = CostType.parse(costText).orElse(null);
        if (cost == null) {
            problems.add(costText.isEmpty() ? "не указана оплата"
                    : "неизвестный тип оплаты «" + costText + "»: ожидается бесплатно, по сертификату или платно");
        }
        BigDecimal price = price(cells.get(ImportColumn.PRICE), problems);

        Integer placesTotal = places(cells.get(ImportColumn.PLACES_TOTAL), "всего", problems);
        Integer placesFree = places(cells.get(ImportColumn.PLACES_FREE), "свободно", problems);
        if (placesTotal != null && placesFree != null && placesFree > placesTotal) {
            problems.add("свободных мест (" + placesFree + ") больше, чем всего (" + placesTotal + ")");
        }

        String ovzText = cells.get(ImportColumn.OVZ);
        Boolean ovz = yesNo(ovzText);
        if (ovz == null) {
            problems.add("в столбце «ОВЗ» «" + ovzText + "»: ожидается да или нет");
        }

        if (!problems.isEmpty()) {
            return null;
        }
        String url = cells.get(ImportColumn.URL);
        if (url.isEmpty()) {
            String navigator = municipalities.navigatorUrl(municipality);
            url = navigator == null || navigator.isBlank() ? null
                    : navigator + (navigator.endsWith("/") ? "" : "/") + "program/" + id;
        } else if (!url.matches("(?i)https?://.*")) {
            url = "https://" + url;
        }
        return new ImportedProgram(id, title, blankToNull(cells.get(ImportColumn.DESCRIPTION)),
                blankToNull(cells.get(ImportColumn.ORGANISATION)), blankToNull(cells.get(ImportColumn.ADDRESS)),
                blankToNull(cells.get(ImportColumn.DISTRICT)), blankToNull(cells.get(ImportColumn.PHONE)),
                municipality, direction, ageFrom, ageTo, format, cost, price,
                blankToNull(cells.get(ImportColumn.SCHEDULE)), placesTotal, placesFree,
                blankToNull(cells.get(ImportColumn.TEACHER)), url, ovz);
    }

    /** A municipality by its code or its configured name («Центральный район»). */
    private Optional<String> municipality(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Municipality> byCode = municipalities.find(text);
        if (byCode.isPresent()) {
            return byCode.map(Municipality::code);
        }
        String wanted = ImportColumn.normalize(text);
        return municipalities.all().stream()
                .filter(m -> m.name() != null && ImportColumn.normalize(m.name()).equals(wanted))
                .map(Municipality::code).findFirst();
    }

    private static Integer age(String text, String which, List<String> problems) {
        if (text.isEmpty()) {
            problems.add("не указан возраст " + which);
            return null;
        }
        Matcher m = NUMBER.matcher(text);
        if (!m.matches() || Integer.parseInt(m.group(1)) > MAX_AGE) {
            problems.add("возраст " + which + " «" + text + "» — не число лет");
            return null;
        }
        return Integer.parseInt(m.group(1));
    }

    private static Integer places(String text, String which, List<String> problems) {
        if (text.isEmpty()) {
            return null;
        }
        String digits = text.replace(" ", "");
        if (!digits.matches("\\d{1,6}(?:[.,]0+)?")) {
            problems.add("мест " + which + " «" + text + "» — не число");
            return null;
        }
        return Integer.parseInt(digits.replaceAll("[.,]0+$", ""));
    }

    private static BigDecimal price(String text, List<String> problems) {
        if (text.isEmpty() || text.equals("-")) {
            return null;
        }
        String compact = text.toLowerCase(Locale.ROOT).replace(" ", "");
        Matcher m = PRICE.matcher(compact);
        if (!m.matches()) {
            problems.add("стоимость «" + text + "» — не число");
            return null;
        }
        BigDecimal price = new BigDecimal(m.group(1).replace(',', '.'));
        if (price.compareTo(new BigDecimal("99999999")) > 0) {
            problems.add("стоимость «" + text + "» слишком большая");
            return null;
        }
        return price;
    }

    /** Yes/no as spreadsheets write it; empty means no; null when it is neither. */
    private static Boolean yesNo(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace('ё', 'е');
        if (t.isEmpty() || List.of("нет", "-", "0", "false", "no", "н", "не").contains(t)) {
            return false;
        }
        if (List.of("да", "+", "1", "true", "yes", "д", "есть", "x", "х", "v", "✓", "доступно", "подходит").contains(t)
                || t.startsWith("да")) {
            return true;
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** A data row read through the header's column positions; a missing cell reads as "". */
    private record Cells(List<String> cells, Map<ImportColumn, Integer> columns) {
        String get(ImportColumn column) {
            Integer index = columns.get(column);
            return index == null || index >= cells.size() ? "" : cells.get(index);
        }
    }
}
