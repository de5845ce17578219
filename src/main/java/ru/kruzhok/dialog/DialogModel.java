package ru.kruzhok.dialog;

import java.util.List;
import java.util.Map;

/** The dialogs as loaded from {@code dialogs/}: flows of named steps, and the bot's texts. */
final class DialogModel {

    private DialogModel() {
    }

    /** Where something was written, for error messages a methodist can act on. */
    record Source(String file, int line) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    record ButtonDef(String label, Target target, Source source) {
    }

    /**
     * A free-text or contact input.
     *
     * @param kind      text, number, contact
     * @param save      the conversation variable that receives the value
     * @param retry     text (key or inline) shown when the value is not accepted
     * @param captionRetry for {@code message}: shown when a photo or file comes without a caption
     */
    record InputDef(String kind, String save, Integer min, Integer max, Integer maxLength, Target then,
                    String retry, Source source, String captionRetry) {
        InputDef(String kind, String save, Integer min, Integer max, Integer maxLength, Target then,
                 String retry, Source source) {
            this(kind, save, min, max, maxLength, then, retry, source, null);
        }
    }

    /**
     * @param choice where the buttons a provider adds (one per choice) lead; the choice's value is in
     *               the variable {@code choice}
     */
    record Step(String id, String text, List<List<ButtonDef>> buttons, InputDef input, String provider,
                boolean back, Source source, Target choice, boolean entry) {
        Step(String id, String text, List<List<ButtonDef>> buttons, InputDef input, String provider,
             boolean back, Source source) {
            this(id, text, buttons, input, provider, back, source, null, false);
        }

        Step withChoice(Target target) {
            return new Step(id, text, buttons, input, provider, back, source, target, entry);
        }

        /** {@code entry: true}: features open this step from code (a typed question lands here). */
        Step asEntry(boolean isEntry) {
            return new Step(id, text, buttons, input, provider, back, source, choice, isEntry);
        }
    }

    /**
     * @param staff    only staff may be in this flow: for anyone else its steps do not exist
     * @param stale    text shown, as a message of its own, when a staff flow gets a press or a message it
     *                 does not expect (then the step is shown again); null for parents' flows
     * @param commands what a command does while the person is in this flow ({@code cancel: {...}})
     * @param closed   text a press on one of the flow's buttons gets once the flow has ended (a draft
     *                 already sent); null: the usual stale-button reply
     */
    record Flow(String id, String start, Map<String, Step> steps, Source source, boolean staff, String stale,
                Map<String, Target> commands, String closed) {
        Flow(String id, String start, Map<String, Step> steps, Source source) {
            this(id, start, steps, source, false, null, Map.of(), null);
        }

        Flow {
            commands = commands == null ? Map.of() : Map.copyOf(commands);
        }

        Step step(String id) {
            return steps.get(id);
        }
    }

    /** The pseudo-step that leaves the flow ({@code next: end}): the conversation rests on no step. */
    static final String END = "end";

    /** Everything loaded at once; swapped whole on reload, so a conversation never sees half a reload. */
    record Dialogs(Map<String, Flow> flows, Map<String, String> texts, Map<String, Source> textSources, String version) {
        Flow flow(String id) {
            return flows.get(id);
        }

        /** A text by key, or the value itself when it is not a key (inline text). */
        String text(String keyOrInline) {
            if (keyOrInline == null) {
                return "";
            }
            String byKey = texts.get(keyOrInline);
            return byKey != null ? byKey : keyOrInline;
        }

        /** Where a text is written (the texts file's first line when it is not there). */
        Source textSource(String key) {
            Source source = textSources.get(key);
            if (source != null) {
                return source;
            }
            return textSources.values().stream().map(Source::file).findFirst().map(f -> new Source(f, 1))
                    .orElse(new Source("dialogs/texts.yaml", 1));
        }
    }
}
