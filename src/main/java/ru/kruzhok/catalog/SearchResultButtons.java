package ru.kruzhok.catalog;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.dialog.DialogContext;

/**
 * {@code catalog.pick}: a press under the results — «‹ ›» turns the page, «ℹ️ n» opens a program
 * (outcome {@code details}), «Убрать …» relaxes a filter, «🔔 Сообщать о новых» / «🔕 Не сообщать»
 * saves or forgets these filters as a saved search.
 */
@Component
class SearchResultButtons {

    private final ProgramSearch search;
    private final SavedSearches saved;

    SearchResultButtons(ProgramSearch search, SavedSearches saved) {
        this.search = search;
        this.saved = saved;
    }

    String press(DialogContext ctx) {
        String value = ctx.value() == null ? "" : ctx.value();
        ctx.setVar("choice", null);
        if (value.startsWith("p:")) {
            ctx.setVar(ChatSearchQuery.PAGE, digits(value.substring(2)));
            return null;
        }
        if (value.startsWith("d:")) {
            String id = digits(value.substring(2));
            // the id came from our own button, but check it anyway: never show what does not exist
            if (id != null && search.find(Long.parseLong(id)).isPresent()) {
                ctx.setVar(ChatSearchQuery.PROGRAM, id);
                return "details";
            }
            return null;
        }
        if (value.equals("watch")) {
            SavedSearches.SaveResult result = saved.save(ctx.chat(), SavedSearches.Filters.of(ChatSearchQuery.of(ctx)));
            ctx.say(Reply.text(ctx.text(switch (result) {
                case SAVED -> "search_watch_saved";
                case ALREADY -> "search_watch_already";
                case NO_CONSENT -> "search_watch_no_consent";
                case TOO_MANY -> "search_watch_too_many";
            })));
            return null;
        }
        if (value.equals("unwatch")) {
            saved.find(ctx.chat(), SavedSearches.Filters.of(ChatSearchQuery.of(ctx)))
                    .ifPresent(s -> saved.remove(ctx.chat(), s.id()));
            ctx.say(Reply.text(ctx.text("search_watch_off")));
            return null;
        }
        if (value.startsWith("r:")) {
            switch (value.substring(2)) {
                case "q" -> ctx.setVar(ChatSearchQuery.TEXT, null);
                case "direction" -> ctx.setVar(ChatSearchQuery.DIRECTION, null);
                case "age" -> ctx.setVar(ChatSearchQuery.AGE, null);
                case "district" -> ctx.setVar(ChatSearchQuery.DISTRICT, null);
                case "cost" -> ctx.setVar(ChatSearchQuery.COST, null);
                default -> {
                    // ОВЗ is not asked in the chat; nothing to relax
                }
            }
            ctx.setVar(ChatSearchQuery.PAGE, null);
        }
        return null;
    }

    private static String digits(String s) {
        return s.matches("\\d{1,12}") ? s : null;
    }
}
