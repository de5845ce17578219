package ru.kruzhok.faq;

import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogRegistry;
import ru.kruzhok.dialog.DialogUses;
import ru.kruzhok.dialog.TextTemplates;
import ru.kruzhok.municipality.MunicipalPlaceholders;

/**
 * The desk's phrases for parents from dialogs/texts.yaml, filled outside a conversation step (an
 * answer arriving later, a notice): the desk's own placeholders first, then the municipality's.
 * Declared as {@link DialogUses} so a broken edit of these texts is refused at load.
 */
@Component
class DeskTexts {

    static final String SENT = "desk_sent";
    static final String SENT_OFF_HOURS = "desk_sent_off_hours";
    static final String SENT_NO_GROUP = "desk_sent_no_group";
    static final String SENT_NO_MUNICIPALITY = "desk_sent_no_municipality";
    static final String BLOCKED = "desk_blocked";
    static final String BLOCKED_AGAIN = "desk_blocked_again";
    static final String FOLLOW_UP = "desk_follow_up";
    static final String ANSWER = "desk_answer";

    // Lazy: the registry is built from every dialog action, the hand-over among them, which needs these texts.
    private final ObjectProvider<DialogRegistry> registry;
    private final MunicipalPlaceholders municipal;

    DeskTexts(ObjectProvider<DialogRegistry> registry, MunicipalPlaceholders municipal) {
        this.registry = registry;
        this.municipal = municipal;
    }

    String text(String key, String municipality, Map<String, String> vars) {
        return TextTemplates.fill(registry.getObject().text(key),
                name -> vars.containsKey(name) ? vars.get(name) : municipal.value(name, municipality).orElse(null));
    }

    /** What the desk names in dialogs/, checked at load. */
    @Component
    static class Uses implements DialogUses {
    @Override
    public Set<String> steps() {
        return Set.of("certificate.sent");
    }

    @Override
    public Map<String, Set<String>> texts() {
        // the desk fills the municipality's placeholders too (contacts, hours), besides its own
        return Map.of(SENT, with(), SENT_OFF_HOURS, with("desk.when"), SENT_NO_GROUP, with(), SENT_NO_MUNICIPALITY, with(),
                BLOCKED, with(), BLOCKED_AGAIN, with(), FOLLOW_UP, with("desk.number"),
                ANSWER, with("desk.question"));
    }

    private static Set<String> with(String... own) {
        Set<String> all = new java.util.HashSet<>(MunicipalPlaceholders.NAMES);
        all.addAll(Set.of(own));
        return Set.copyOf(all);
    }

    @Override
    public Map<String, Set<String>> providers() {
        return Map.of("faq.sent", Set.of("faq.sent"));
    }
}
}
