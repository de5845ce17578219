package ru.kruzhok.parent;

/**
 * SQL conditions about parents for other features' queries, so the {@code parent} table's columns
 * are named in this feature only.
 */
public final class ParentSql {

    private ParentSql() {
    }

    /**
     * {@code and exists (…)}: the chat in {@code alias.channel, alias.chat_id} is a parent of one of
     * the municipalities in the parameter {@code :m} (a varchar array).
     */
    public static String andChatIsParentIn(String alias) {
        return """
                 and exists (select 1 from parent p where p.channel = %1$s.channel and p.chat_id = %1$s.chat_id
                                and p.municipality = any (:m::varchar[]))""".formatted(alias);
    }
}
