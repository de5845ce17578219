package ru.kruzhok.dialog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The names a feature's steps use in {@code dialogs/} ({@code action: faq.open},
 * {@code provider: faq.topics}), each bound to the method that does it. A feature declares one bean of
 * these, so a name and its method stand on one line and a class per name, which would only forward
 * the call, is not needed:
 * <pre>{@code
 * @Bean
 * DialogBindings faqSteps(FaqChat chat) {
 *     return new DialogBindings()
 *             .provider("faq.topics", chat::topics)
 *             .action("faq.open", chat::open)
 *             .action("faq.feedback", chat::feedback);
 * }
 * }</pre>
 */
public final class DialogBindings {

    private final List<DialogAction> actions = new ArrayList<>();
    private final List<DialogProvider> providers = new ArrayList<>();

    /** An action that reads the step's argument ({@code action: faq.feedback up}). */
    public DialogBindings action(String name, BiFunction<DialogContext, String, String> body) {
        actions.add(new Bound(name, body));
        return this;
    }

    /** An action without an argument. */
    public DialogBindings action(String name, Function<DialogContext, String> body) {
        Objects.requireNonNull(body, "body");
        return action(name, (ctx, arg) -> body.apply(ctx));
    }

    public DialogBindings provider(String name, Function<DialogContext, DialogProvider.Content> body) {
        providers.add(new BoundProvider(name, body));
        return this;
    }

    List<DialogAction> actions() {
        return List.copyOf(actions);
    }

    List<DialogProvider> providers() {
        return List.copyOf(providers);
    }

    private record Bound(String name, BiFunction<DialogContext, String, String> body) implements DialogAction {
        Bound {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(body, "body");
        }

        @Override
        public String run(DialogContext context, String arg) {
            return body.apply(context, arg);
        }
    }

    private record BoundProvider(String name, Function<DialogContext, DialogProvider.Content> body)
            implements DialogProvider {
        BoundProvider {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(body, "body");
        }

        @Override
        public Content provide(DialogContext context) {
            return body.apply(context);
        }
    }
}
