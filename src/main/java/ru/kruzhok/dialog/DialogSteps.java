package ru.kruzhok.dialog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * Every action and provider the features bound ({@link DialogBindings}), by name: what the validator
 * checks the flows against and what the engine runs. A name bound twice stops start-up, naming it:
 * otherwise one feature's step would silently run another's code.
 */
@Component
public class DialogSteps {

    private final Map<String, DialogAction> actions;
    private final Map<String, DialogProvider> providers;

    DialogSteps(List<DialogBindings> bindings) {
        this.actions = byName(bindings.stream().flatMap(b -> b.actions().stream()), DialogAction::name, "action");
        this.providers = byName(bindings.stream().flatMap(b -> b.providers().stream()), DialogProvider::name, "provider");
    }

    Optional<DialogAction> action(String name) {
        return Optional.ofNullable(actions.get(name));
    }

    Optional<DialogProvider> provider(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    Set<String> actionNames() {
        return actions.keySet();
    }

    Set<String> providerNames() {
        return providers.keySet();
    }

    private static <T> Map<String, T> byName(Stream<T> all, Function<T, String> name, String kind) {
        Map<String, T> out = new LinkedHashMap<>();
        all.forEach(t -> {
            if (out.putIfAbsent(name.apply(t), t) != null) {
                throw new IllegalStateException("two dialog " + kind + "s are named " + name.apply(t));
            }
        });
        return Map.copyOf(out);
    }
}
