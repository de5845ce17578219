package ru.kruzhok.event;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.kruzhok.direction.Direction;

/**
 * Reads the one-line form of {@code /event}, fields split by «|»:
 * <pre>/event 25.11.2026 18:00 | Название | Место | 7-12 | спорт, arts | https://… | tsentr</pre>
 * Date and title are required; the rest may be left out or given as «-». Directions are read as
 * everywhere else ({@link Direction#parse}: «спорт», «художественная», api names); the
 * municipality code is needed only by staff of several.
 */
final class EventLine {

    static final String FORMAT = "/event ДД.ММ.ГГГГ ЧЧ:ММ | Название | Место | возраст 7-12 | направления | ссылка | район";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d.M.uuuu H:mm")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern AGES = Pattern.compile("(\\d{1,2})?\\s*[-–]\\s*(\\d{1,2})?|(\\d{1,2})\\+?");

    private EventLine() {
    }

    static EventDraft parse(String line, ZoneId zone) {
        String[] f = line.split("\\|", -1);
        if (f.length < 2 || f.length > 7) {
            throw new EventException("Не получилось разобрать событие. Формат:\n" + FORMAT);
        }
        LocalDateTime when;
        try {
            when = LocalDateTime.parse(f[0].strip().replaceAll("\\s+", " "), WHEN);
        } catch (DateTimeParseException e) {
            throw new EventException("Не понял дату и время «" + f[0].strip() + "». Пример: 25.11.2026 18:00");
        }
        String title = field(f, 1);
        String place = field(f, 2);
        Integer from = null;
        Integer to = null;
        String ages = field(f, 3);
        if (ages != null) {
            Matcher m = AGES.matcher(ages.replace("лет", "").replace("года", "").strip());
            if (!m.matches()) {
                throw new EventException("Не понял возраст «" + ages + "». Пример: 7-12");
            }
            if (m.group(3) != null) {
                from = Integer.parseInt(m.group(3));
                to = ages.contains("+") ? null : from;
            } else {
                from = m.group(1) == null ? null : Integer.parseInt(m.group(1));
                to = m.group(2) == null ? null : Integer.parseInt(m.group(2));
            }
        }
        Set<String> directions = new LinkedHashSet<>();
        String dirs = field(f, 4);
        if (dirs != null) {
            for (String d : dirs.split("[,;]")) {
                if (d.isBlank()) {
                    continue;
                }
                directions.add(Direction.parse(d).map(Direction::apiName).orElseThrow(() -> new EventException(
                        "Неизвестное направление «" + d.strip() + "». Можно: " + Direction.titlesInWords()
                                + " (или коротко: спорт, техника, творчество, наука, туризм).")));
            }
        }
        return new EventDraft(title, when.atZone(zone).toInstant(), place, field(f, 6), from, to, directions,
                field(f, 5));
    }

    private static String field(String[] f, int i) {
        if (i >= f.length) {
            return null;
        }
        String v = f[i].strip();
        return v.isEmpty() || v.equals("-") || v.equals("—") ? null : v;
    }
}
