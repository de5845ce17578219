package ru.kruzhok.staff;

import java.util.Set;

/**
 * Parent counts for /stats, supplied by the parent feature (which owns profiles, consent and
 * notification settings). A figure the implementation cannot tell is null and shown as «—».
 */
public interface ParentFigures {

    /**
     * @param municipalities the municipality codes to count, or empty for all parents everywhere
     */
    Figures figuresFor(Set<String> municipalities);

    /**
     * @param parents          parents known to the bot
     * @param withConsent      who gave consent to personal data processing
     * @param notificationsOn  who get notifications
     * @param unreachable      who blocked the bot or deleted the chat
     * @param newThisWeek      who first wrote in the last 7 days
     */
    record Figures(Long parents, Long withConsent, Long notificationsOn, Long unreachable, Long newThisWeek) {
        public static final Figures UNKNOWN = new Figures(null, null, null, null, null);
    }
}
