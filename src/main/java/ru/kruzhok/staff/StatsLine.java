package ru.kruzhok.staff;

import java.util.Optional;
import java.util.Set;

/**
 * A line another feature adds to a /stats section, after the question figures — the place for
 * figures this feature cannot tell, such as how fast staff answer handed-over questions
 * («Среднее время ответа специалиста: 25 мин»). Implement it as a bean; lines appear in bean order.
 */
public interface StatsLine {

    /**
     * @param municipalities the section's codes, or empty for the all-municipalities section
     * @return the line in the bot's markup, or empty to add nothing
     */
    Optional<String> line(Set<String> municipalities);
}
