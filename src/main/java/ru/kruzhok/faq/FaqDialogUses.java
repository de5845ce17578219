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
        return Set.of("certificate.answer", "certificate.suggest", "certificate.handover", "search.direction");
    }

    @Override
    public Map<String, Set<String>> texts() {
        return Map.of("faq_gone", Set.of());
    }

    @Override
    public Map<String, Set<String>> providers() {
        return Map.of("faq.answer", Set.of("faq.answer"));
    }
}
