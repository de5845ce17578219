package ru.kruzhok.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.kruzhok.broadcast.Notices;
import ru.kruzhok.channel.Button;
import ru.kruzhok.dialog.DialogRegistry;
import ru.kruzhok.catalog.SavedSearches.Saved;

/**
 * When an import adds programs, each saved search in the imported municipalities is asked through
 * {@link ProgramSearch} which of the new ids match it (never a loop over the catalog), and its
 * parent gets one notice about those not announced to that search before. Apart from
 * {@link SavedSearches} because the bot's texts ({@link DialogRegistry}) are built from the dialog
 * actions, which use the saved searches.
 */
@Component
class SavedSearchNotifier {

    private static final Logger log = LoggerFactory.getLogger(SavedSearchNotifier.class);
    static final String KIND = "saved_search";
    /** Programs listed in one notice; the rest are counted. */
    static final int SHOWN = 5;
    /** New ids per search query: PostgreSQL takes at most 65,535 parameters in one statement. */
    private static final int IDS_PER_QUERY = 5_000;
    /** New programs remembered per saved search and import (the notice shows five and counts the rest). */
    private static final int MATCHED_PER_IMPORT = 1_000;

    private final SavedSearches saved;
    private final ProgramSearch search;
    private final Notices notices;
    private final DialogRegistry texts;
    private final TransactionTemplate transactions;

    SavedSearchNotifier(SavedSearches saved, ProgramSearch search, Notices notices, DialogRegistry texts,
                        TransactionTemplate transactions) {
        this.saved = saved;
        this.search = search;
        this.notices = notices;
        this.texts = texts;
        this.transactions = transactions;
    }

    /**
     * New programs after an import: each saved search in the imported municipalities (or in none in
     * particular) is asked through {@link ProgramSearch} which of the new ids match it; the parent
     * gets one notice about those not announced to that search before.
     */
    @EventListener
    void onProgramsImported(ProgramsImported event) {
        if (event.newProgramIds().isEmpty()) {
            return;
        }
        List<Saved> searches = saved.inMunicipalities(event.municipalities());
        int notified = 0;
        for (Saved s : searches) {
            try {
                if (notifyNew(s, event.newProgramIds())) {
                    notified++;
                }
            } catch (RuntimeException e) {
                // one broken search must not keep the others' parents uninformed
                log.warn("Saved search {} could not be checked: {}", s.id(), e.toString());
            }
        }
        log.info("New programs: {} saved search(es) checked, {} parent(s) notified", searches.size(), notified);
    }

    private boolean notifyNew(Saved s, List<Long> newIds) {
        List<Program> matched = new ArrayList<>();
        for (int from = 0; from < newIds.size() && matched.size() < MATCHED_PER_IMPORT; from += IDS_PER_QUERY) {
            List<Long> chunk = newIds.subList(from, Math.min(newIds.size(), from + IDS_PER_QUERY));
            matched.addAll(search.matching(s.filters().toQuery().withIds(chunk), MATCHED_PER_IMPORT - matched.size()));
        }
        if (matched.isEmpty()) {
            return false;
        }
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            Set<Long> fresh = saved.markAnnounced(s.id(), matched.stream().map(Program::id).toList());
            List<Program> news = matched.stream().filter(p -> fresh.contains(p.id())).toList();
            if (news.isEmpty()) {
                return false;
            }
            notices.send(notice(s, news), List.of(s.chat()));
            return true;
        }));
    }

    private Notices.Notice notice(Saved saved, List<Program> news) {
        StringBuilder text = new StringBuilder(texts.text("saved_search_news")
                .replace("{filters}", SavedSearches.describe(saved.filters(), texts::text)));
        int n = 0;
        for (Program p : news.subList(0, Math.min(SHOWN, news.size()))) {
            text.append("\n\n").append(ProgramCard.compact(++n, p));
            if (p.url() != null && p.url().startsWith("http")) {
                text.append("\n[").append(texts.text("saved_search_apply")).append("](").append(p.url()).append(')');
            }
        }
        if (news.size() > SHOWN) {
            text.append("\n\n").append(texts.text("saved_search_more").replace("{count}", String.valueOf(news.size() - SHOWN)));
        }
        return new Notices.Notice(KIND, text.toString(), List.of(
                List.of(Button.action(texts.text("button_saved_search_open"), "/search " + saved.id())),
                List.of(Button.action(texts.text("button_saved_search_off"), "/unwatch " + saved.id()))),
                "saved_search:" + saved.id());
    }


}
