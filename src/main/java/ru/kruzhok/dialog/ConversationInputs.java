package ru.kruzhok.dialog;

import org.springframework.stereotype.Service;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.dialog.DialogModel.Flow;
import ru.kruzhok.dialog.DialogModel.Step;

/**
 * Tells features whether a chat's current step is waiting for typed input (a survey's free-text
 * answer, a child's age), so a feature that takes free text before the conversation (the support
 * desk's follow-ups) leaves such text to the step that asked for it.
 */
@Service
public class ConversationInputs {

    private final ConversationStore store;
    private final DialogRegistry registry;

    ConversationInputs(ConversationStore store, DialogRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    /** True when the chat's current step has an input, i.e. what the person types now answers it. */
    public boolean awaitsInput(ChatAddress chat) {
        return store.load(chat).map(state -> {
            Flow flow = state.flow() == null ? null : registry.current().flow(state.flow());
            Step step = flow == null ? null : flow.step(state.step());
            return step != null && step.input() != null;
        }).orElse(false);
    }
}
