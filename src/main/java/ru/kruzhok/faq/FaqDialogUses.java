package ru.kruzhok.faq;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogUses;

/** The steps, texts and provider placeholders of dialogs/ that the FAQ chat names in Java. */
@Component
class FaqDialogUses implements DialogUses {

    @Override
    public Set<String> steps() {
        return Set.of("certificate.answer", "certificate.suggest", "certificate.handover", "certificate.outside",
                "search.direction");
    }

    @Override
    public Map<String, Set<String>> texts() {
        // faq_outside.<kind> texts are optional: a kind without its own text falls back to faq_outside
        return Map.of("faq_gone", Set.of(), "faq_outside", Set.of());
    }

    @Override
    public Map<String, Set<String>> providers() {
        return Map.of("faq.answer", Set.of("faq.answer"), "faq.outside", Set.of("faq.outside-reply"));
    }
}
