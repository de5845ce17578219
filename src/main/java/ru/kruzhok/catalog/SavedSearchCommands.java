package ru.kruzhok.catalog;

import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.dialog.ChatCommand;
import ru.kruzhok.dialog.DialogContext;

/**
 * The commands a saved search's notice carries on its buttons (and a parent may type):
 * {@code /search [N | words]} opens the search (saved search N's filters, or the words parsed
 * like free text), {@code /unwatch N} stops saved search N.
 */
@Configuration(proxyBeanMethods = false)
class SavedSearchCommands {

    static final String RESULTS = "search.results";
    static final String START = "search.direction";

    @Bean
    ChatCommand searchChatCommand(SavedSearches saved, SearchTextParser parser) {
        return new ChatCommand() {
            @Override
            public String name() {
                return "search";
            }

            @Override
            public String run(DialogContext ctx, String args) {
                ChatSearchQuery.clear(ctx);
                if (args.isBlank()) {
                    return START;
                }
                if (args.matches("\\d{1,12}")) {
                    Optional<SavedSearches.Saved> found = saved.find(ctx.chat(), Long.parseLong(args));
                    if (found.isEmpty()) {
                        ctx.say(Reply.text(ctx.text("saved_search_gone")));
                        return START;
                    }
                    SavedSearches.Filters f = found.get().filters();
                    if (f.municipality() != null) {
                        ctx.setVar("municipality", f.municipality());
                    }
                    ctx.setVar(ChatSearchQuery.DIRECTION, f.direction());
                    ctx.setVar(ChatSearchQuery.AGE, f.age() == null ? null : String.valueOf(f.age()));
                    ctx.setVar(ChatSearchQuery.DISTRICT, f.district());
                    ctx.setVar(ChatSearchQuery.COST, f.cost());
                    ctx.setVar(ChatSearchQuery.TEXT, f.text());
                    return RESULTS;
                }
                ChatSearchQuery.apply(ctx, parser.parse(args));
                return RESULTS;
            }
        };
    }

    @Bean
    ChatCommand unwatchChatCommand(SavedSearches saved) {
        return new ChatCommand() {
            @Override
            public String name() {
                return "unwatch";
            }

            @Override
            public String run(DialogContext ctx, String args) {
                boolean removed = args.matches("\\d{1,12}") && saved.remove(ctx.chat(), Long.parseLong(args));
                ctx.say(Reply.text(ctx.text(removed ? "search_watch_off" : "saved_search_gone")));
                return null;
            }
        };
    }
}
