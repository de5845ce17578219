package ru.kruzhok.dialog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Reply;

/**
 * What an action or a provider sees of the conversation: who, the update, the conversation's
 * variables (mutable: actions may set them), and a place to add messages sent before the next step.
 */
public final class DialogContext {

    private final Incoming incoming;
    private final Map<String, String> vars;
    private final List<Reply> extraReplies = new ArrayList<>();
    private final java.util.function.Function<String, String> texts;
    private String goTo;

    DialogContext(Incoming incoming, Map<String, String> vars, java.util.function.Function<String, String> texts) {
        this.incoming = incoming;
        this.vars = vars;
        this.texts = texts;
    }

    public Incoming incoming() {
        return incoming;
    }

    public ChatAddress chat() {
        return incoming.chat();
    }

    public String var(String name) {
        return vars.get(name);
    }

    public void setVar(String name, String value) {
        if (value == null) {
            vars.remove(name);
        } else {
            vars.put(name, value);
        }
    }

    /** The value of the pressed choice button, or the text typed into an input. */
    public String value() {
        return vars.get("choice");
    }

    /** The municipality the parent chose (or came with by a deep link), if any. */
    public String municipality() {
        return vars.get("municipality");
    }

    /** A bot text by key from dialogs/texts.yaml (the key itself when there is no such text). */
    public String text(String key) {
        return texts.apply(key);
    }

    /** Sends a message before the next step is shown (e.g. "your data was deleted: …"). */
    public void say(Reply reply) {
        extraReplies.add(reply);
    }

    /** The names of the conversation's variables (to forget them all when a parent deletes their data). */
    public java.util.Set<String> varNames() {
        return java.util.Set.copyOf(vars.keySet());
    }

    /**
     * Asks the engine to show a step after this action or answer ("flow.step"), e.g. a free-text search
     * that opens the search results with paging.
     */
    public void goTo(String qualifiedStep) {
        this.goTo = qualifiedStep;
    }

    String pendingGoTo() {
        return goTo;
    }

    List<Reply> extraReplies() {
        return extraReplies;
    }

    Map<String, String> vars() {
        return vars;
    }
}
