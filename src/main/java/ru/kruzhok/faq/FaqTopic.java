package ru.kruzhok.faq;

import java.util.List;

/**
 * One answerable question of the knowledge base ({@code dialogs/faq/*.yaml}).
 *
 * @param id          stable id, used in button payloads, statistics and the API ("certificate.how-to-get")
 * @param title       short button label, at most {@link #MAX_TITLE} characters
 * @param category    group for menus ("Сертификат", "Навигатор"…)
 * @param paraphrases how parents ask it; the matcher ranks questions against these
 * @param answer      the answer in the bot's light markup, with {@code {placeholders}} not yet filled
 * @param related     ids of topics to offer after the answer
 * @param action      a named dialog action to run instead of only showing the answer ("catalog.search"), or null
 */
public record FaqTopic(String id, String title, String category, List<String> paraphrases, String answer,
                       List<String> related, String action) {

    /** Longest button title: fits a phone-width button in Telegram without being cut. */
    public static final int MAX_TITLE = 30;

    public FaqTopic {
        paraphrases = List.copyOf(paraphrases);
        related = List.copyOf(related);
    }
}
