package ru.kruzhok.dialog;

/**
 * Data under {@code dialogs/} that a feature keeps loaded (the FAQ knowledge base, the surveys) and
 * that {@code /reload} re-reads together with the flows. Reloading is two-phase so that one broken
 * file keeps every old version in use: all parts are {@link #stage() staged} (read and validated)
 * first, and only when all succeed is each {@link Staged#apply() applied}.
 */
public interface ReloadableContent {

    /**
     * Reads and validates the files without touching what is in use.
     *
     * @throws RuntimeException with the file, line and problem when something is broken
     */
    Staged stage();

    /** Content read and validated, not in use yet. */
    interface Staged {

        /** What was read, in Russian for the staff member who reloaded («вопросы и ответы: 42 темы»). */
        String summary();

        /** Puts the staged content in use; must not fail. */
        void apply();
    }
}
