package ru.kruzhok.catalog;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds small import files for tests: rows as header → value maps over the documented layout.
 * Values never contain the separator or quotes unless a test wants them to.
 */
final class CatalogFixture {

    private CatalogFixture() {
    }

    /** A valid row: override any column with {@code with}. */
    static Map<String, String> row(String id, String title) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String h : CatalogGenerator.HEADERS) {
            row.put(h, "");
        }
        row.put("ID", id);
        row.put("Название", title);
        row.put("Описание", "Описание программы " + title);
        row.put("Организация", "МБУ ДО «Тестовый ДДТ»");
        row.put("Адрес", "ул. Тестовая, 1");
        row.put("Район", "Центральный");
        row.put("Телефон", "+7 (900) 000-00-00");
        row.put("Муниципалитет", "tsentr");
        row.put("Направленность", "Художественная");
        row.put("Возраст от", "7");
        row.put("Возраст до", "12");
        row.put("Формат", "очно");
        row.put("Оплата", "бесплатно");
        row.put("Расписание", "пн, ср 16:00–17:30");
        row.put("Мест всего", "15");
        row.put("Мест свободно", "5");
        row.put("Педагог", "Петрова Анна Ивановна");
        row.put("ОВЗ", "нет");
        return row;
    }

    static Map<String, String> with(Map<String, String> row, String... pairs) {
        Map<String, String> copy = new LinkedHashMap<>(row);
        for (int i = 0; i < pairs.length; i += 2) {
            copy.put(pairs[i], pairs[i + 1]);
        }
        return copy;
    }

    static String csv(char separator, List<Map<String, String>> rows) {
        return csv(separator, CatalogGenerator.HEADERS, rows);
    }

    /** A CSV with the given header order; a header a row lacks is written empty. */
    static String csv(char separator, List<String> headers, List<Map<String, String>> rows) {
        String sep = String.valueOf(separator);
        List<String> lines = new ArrayList<>();
        lines.add(String.join(sep, headers));
        for (Map<String, String> row : rows) {
            lines.add(headers.stream().map(h -> quote(row.getOrDefault(h, ""), separator))
                    .collect(Collectors.joining(sep)));
        }
        return String.join("\r\n", lines) + "\r\n";
    }

    static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    static byte[] utf8WithBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    private static String quote(String value, char separator) {
        if (value.indexOf(separator) >= 0 || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
