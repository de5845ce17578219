package ru.kruzhok.broadcast;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import ru.kruzhok.channel.Markup;

/**
 * What the bot says to staff composing and following an announcement. Staff phrases stay in code,
 * like those of the other staff commands; parents never see them.
 */
final class BroadcastTexts {

    static final String ASK_CONTENT = """
            📣 **Новая рассылка родителям**
            Пришлите текст объявления одним сообщением. Жирный шрифт, курсив и ссылки сохранятся.
            Можно приложить одно фото или файл — тогда текст напишите в подписи к нему.

            /cancel — отменить""";
    static final String NEED_CAPTION = "Добавьте к фото или файлу подпись — это и будет текст объявления 🙂";
    static final String CONTENT_EXPECTED = "Жду текст объявления — обычным сообщением, или фото либо файл с подписью. "
            + "/cancel — отменить.";
    static final String DOWNLOAD_FAILED = "Не получилось забрать файл 🙈 Пришлите его, пожалуйста, ещё раз.";
    static final String CHOOSE_MUNICIPALITY = "Для какого района рассылка?";
    static final String CHOOSE_AUDIENCE = "Кому отправить?";
    static final String ASK_AGES = "Напишите возраст детей, например **7-10** (или одно число: **7**).";
    static final String AGES_RETRY = "Не получилось понять возраст 🙈 Напишите, пожалуйста, так: **7-10** — от 0 до 18 лет.";
    static final String CHOOSE_DIRECTIONS = "Выберите направления (можно несколько), потом нажмите «Готово».";
    static final String NEED_DIRECTION = "Отметьте хотя бы одно направление 🙂";
    static final String CHOOSE_SURVEY = "Напомнить об опросе тем, кто его ещё не прошёл. Какой опрос?";
    static final String NO_SURVEYS = "Сейчас нет открытых опросов. Выберите других получателей.";
    static final String ASK_TIME = """
            Когда отправить? Напишите дату и время, например **25.11 18:00** или **25.11.2026 18:00**.
            Время — %s.""";
    static final String TIME_RETRY = "Не получилось понять дату 🙈 Напишите так: **25.11 18:00**.";
    static final String TIME_PAST = "Это время уже прошло 🙂 Напишите, пожалуйста, время в будущем, например **%s**.";
    static final String BUTTONS_EXPECTED = "Выберите вариант кнопкой ниже 👇 Или /cancel, чтобы отменить рассылку.";
    static final String STALE = "Этот черновик уже закрыт. Начать новую рассылку: /broadcast";
    static final String DROPPED = "Рассылка отменена, черновик удалён. Ничего не отправлено.";
    static final String PRIVATE_ONLY = "Рассылку готовим в личном чате со мной: напишите мне /broadcast.";
    static final String NOT_YOURS = "Этот район вам недоступен.";
    static final String NOT_FOUND = "Рассылка №%d не найдена.";
    static final String ALREADY_OVER = "Рассылка №%d уже завершена, отменять нечего.";
    static final String CANCELLED = "Рассылка №%d отменена ⛔";
    static final String CANCEL_USAGE = "Чтобы отменить рассылку: /broadcast cancel 42 (номер — в сообщении о рассылке).";
    static final String FILE_TOO_BIG = "Файл слишком большой (больше %d МБ). Пришлите файл поменьше.";

    static final String SEND_NOW = "🚀 Отправить сейчас";
    static final String SCHEDULE = "🗓 Запланировать";
    static final String OTHER_AUDIENCE = "↩️ Другие получатели";
    static final String DROP = "✖️ Отмена";
    static final String DONE = "Готово ✅";
    static final String STOP = "⛔ Остановить рассылку";
    static final String UNSCHEDULE = "⛔ Отменить рассылку";

    /** The six directions by their codes, as staff read them. */
    static final Map<String, String> DIRECTIONS = directions();

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private BroadcastTexts() {
    }

    private static Map<String, String> directions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("technical", "Техническая");
        m.put("science", "Естественнонаучная");
        m.put("arts", "Художественная");
        m.put("sports", "Физкультурно-спортивная");
        m.put("tourism", "Туристско-краеведческая");
        m.put("social", "Социально-гуманитарная");
        return m;
    }

    static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    static String zoneName(ZoneId zone) {
        return "Europe/Moscow".equals(zone.getId()) ? "московское" : zone.getId();
    }

    /** «Центральный район · дети 7–10 лет» and so on; names are escaped for the markup. */
    static String audience(String place, Integer ageFrom, Integer ageTo, Set<String> directions, String survey) {
        StringBuilder sb = new StringBuilder(Markup.escape(place));
        if (ageFrom != null) {
            sb.append(" · дети ").append(ageFrom.equals(ageTo) ? ageFrom : ageFrom + "–" + ageTo).append(" лет");
        }
        if (directions != null && !directions.isEmpty()) {
            sb.append(" · интересы: ").append(DIRECTIONS.entrySet().stream()
                    .filter(e -> directions.contains(e.getKey())).map(e -> e.getValue().toLowerCase())
                    .collect(Collectors.joining(", ")));
        }
        if (survey != null) {
            sb.append(" · не прошли опрос «").append(Markup.escape(survey)).append("»");
        }
        return sb.toString();
    }

    static String preview(String audience, int count) {
        return "☝️ Так родители увидят объявление.\n\n**Получатели:** " + audience + "\n**Сейчас это "
                + count + " " + parents(count) + ".**"
                + (count == 0 ? "\n\nНекому отправлять — выберите других получателей." : "");
    }

    static String scheduled(long id, Instant at, ZoneId zone, int count) {
        return "🗓 **Рассылка №" + id + " запланирована** на " + when(at, zone) + " (" + zoneName(zone) + " время).\n"
                + "Получателей сейчас: " + count + ". Я напишу здесь, как пойдёт отправка.";
    }

    /** The live progress message while sending. */
    static String sending(long id, int total, int sent, int blocked, int failed, int skipped, Duration left) {
        int done = sent + blocked + failed + skipped;
        return "📣 **Рассылка №" + id + " идёт**\n"
                + "Отправлено: " + sent + " из " + total + progressBar(done, total) + "\n"
                + "Заблокировали бота: " + blocked + " · ошибки: " + failed
                + (skipped > 0 ? " · уведомления выключены: " + skipped : "") + "\n"
                + "Осталось примерно: " + duration(left);
    }

    static String finished(long id, boolean cancelled, int total, int sent, int blocked, int failed, int skipped,
                           Duration took) {
        return (cancelled ? "⛔ **Рассылка №" + id + " отменена**\nУспели отправить: " + sent + " из " + total
                : "✅ **Рассылка №" + id + " завершена**\nДоставлено: " + sent + " из " + total) + "\n"
                + "Заблокировали бота: " + blocked + " · ошибки: " + failed + " · уведомления выключены: " + skipped
                + (took == null ? "" : "\nВремя отправки: " + duration(took));
    }

    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " с";
        }
        if (s < 3600) {
            return s / 60 + " мин " + s % 60 + " с";
        }
        return s / 3600 + " ч " + s % 3600 / 60 + " мин";
    }

    private static String progressBar(int done, int total) {
        if (total <= 0) {
            return "";
        }
        int percent = (int) Math.min(100, Math.round(done * 100.0 / total));
        return " (" + percent + "%)";
    }

    private static String parents(int n) {
        int mod100 = n % 100;
        int mod10 = n % 10;
        if (mod100 >= 11 && mod100 <= 14) {
            return "родителей";
        }
        return mod10 == 1 ? "родитель" : mod10 >= 2 && mod10 <= 4 ? "родителя" : "родителей";
    }
}
