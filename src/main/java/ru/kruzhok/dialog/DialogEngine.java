package ru.kruzhok.dialog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.BotCommand;
import ru.kruzhok.channel.BotCommandMenu;
import ru.kruzhok.channel.Button;
import ru.kruzhok.channel.ConversationHandler;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.IncomingAttachment;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.dialog.DialogModel.ButtonDef;
import ru.kruzhok.dialog.DialogModel.Dialogs;
import ru.kruzhok.dialog.DialogModel.Flow;
import ru.kruzhok.dialog.DialogModel.InputDef;
import ru.kruzhok.dialog.DialogModel.Step;

/**
 * Runs the flows of {@code dialogs/} for every chat: finds the step, runs the action a button or
 * input names, shows the next step with its provider's content, and keeps the conversation state.
 * From any step /start, /menu, /help, /stop and «Назад» work, and free text goes to the
 * {@link FreeTextAnswerer} (the free-text router).
 * <p>
 * Flows marked {@code staff: true} (in {@code dialogs/staff/}) exist only for staff ({@link StaffGate}):
 * for anyone else their steps are missing, as a renamed step is. In a staff flow each step is a new
 * message (staff scroll back through a draft), a press or a message the step does not expect gets
 * the flow's {@code stale} text and the step again, typed text never goes to the free-text router,
 * and {@code next: end} leaves the flow, forgetting its {@code <flow>.*} variables. A staff flow runs
 * over the screen it was opened from: when it ends, that screen's buttons work again, while the
 * flow's own buttons only say it is closed ({@code closed:}). /start and /menu leave a staff flow as
 * its /cancel does (the draft is dropped, and says so), then do what they always do. An input step of
 * a staff flow answers anything but typed text with its own retry text.
 */
@Component
class DialogEngine implements ConversationHandler, BotCommandMenu, Conversations {

    static final String MAIN = "main";
    static final String ONBOARDING = "onboarding";
    /** Set once a person has seen the consent screen, whatever they chose. */
    static final String ONBOARDED = "onboarded";
    /** A deep link (/start s_…) that came before onboarding; followed when onboarding reaches the menu. */
    static final String PENDING_LINK = "pending_link";
    private static final int MAX_INPUT = 1000;
    /**
     * The staff flow that ended last and the windows it was shown in: "flow:first:last". Kept until
     * the flow ends again, so its buttons say it is closed whatever the person did since.
     */
    static final String ENDED = "ended_flow";
    /** Suffix of a staff flow's variable holding the window its first step was shown in. */
    private static final String FIRST_WINDOW = ".first-window";

    private final DialogRegistry registry;
    private final ConversationStore store;
    private final DialogSteps steps;
    private final List<PlaceholderSource> placeholders;
    private final FreeTextAnswerer freeText;
    private final Map<String, ChatCommand> commands;
    private final DialogProperties properties;
    private final ObjectProvider<StaffGate> staffGate;

    DialogEngine(DialogRegistry registry, ConversationStore store, DialogSteps steps,
                 List<PlaceholderSource> placeholders,
                 FreeTextAnswerer freeText, List<ChatCommand> commands, DialogProperties properties,
                 ObjectProvider<StaffGate> staffGate) {
        this.registry = registry;
        this.store = store;
        this.steps = steps;
        this.placeholders = placeholders;
        this.freeText = freeText;
        this.commands = commands.stream().collect(Collectors.toUnmodifiableMap(ChatCommand::name, Function.identity()));
        this.properties = properties;
        this.staffGate = staffGate;
    }

    /** One update's worth of work: the state it changes and the replies it collects. */
    private final class Turn {
        final Dialogs dialogs = registry.current();
        final Incoming in;
        final ConversationState state;
        final DialogContext ctx;
        final List<Reply> replies = new ArrayList<>();
        /** A short note shown above the next step in the same message («this menu is out of date»). */
        String notice;
        private Boolean staff;

        Turn(Incoming in, ConversationState state) {
            this.in = in;
            this.state = state;
            this.ctx = new DialogContext(in, state.vars(), dialogs::text);
        }

        /** Asked once a turn, and only when a staff flow is involved: parents cost no role lookup. */
        boolean staff() {
            if (staff == null) {
                StaffGate gate = staffGate.getIfAvailable();
                staff = gate != null && gate.isStaff(in);
            }
            return staff;
        }

        Flow flow() {
            return state.flow() == null ? null : dialogs.flow(state.flow());
        }
    }

    @Override
    public List<Reply> handle(Incoming in) {
        if (!in.isPrivate()) {
            return List.of();
        }
        Turn turn = begin(in);
        InputDef typed = typedInputOfStaffFlow(turn);
        if (typed != null && in.type() != Incoming.Type.TEXT && in.type() != Incoming.Type.COMMAND
                && in.type() != Incoming.Type.BUTTON) {
            // a photo (even with a caption) at «напишите возраст»: what this step expects, not «кнопкой»
            return finish(turn, retry(turn, typed.retry()));
        }
        ConversationState next = switch (in.type()) {
            case COMMAND -> command(turn);
            case BUTTON -> button(turn);
            case TEXT, CONTACT -> text(turn);
            // a photo with a caption («вот такая ошибка в навигаторе»): the caption is what the parent said;
            // a step that takes a message takes a photo or file as it is (and asks for the caption itself)
            case ATTACHMENT -> in.text().isBlank() && !takesMessage(turn) ? notText(turn) : text(turn);
            case EMPTY -> notText(turn);
        };
        return finish(turn, next);
    }

    @Override
    public List<Reply> start(Incoming in, String flowId) {
        Turn turn = begin(in);
        turn.state.vars().keySet().removeIf(name -> name.startsWith(flowId + "."));
        Flow flow = turn.dialogs.flow(flowId);
        ConversationState next = flow == null ? enterFlow(turn, MAIN, turn.state, false)
                : enter(turn, flowId, flow.start(), turn.state, true, false);
        return finish(turn, next);
    }

    private Turn begin(Incoming in) {
        ConversationState loaded = store.load(in.chat()).orElseGet(ConversationState::fresh);
        Turn turn = new Turn(in, loaded);
        Flow flow = turn.flow();
        if (flow != null && flow.staff() && !turn.staff()) {
            // no longer staff (or never were): the staff flow is gone for them, as a removed step is
            return new Turn(in, ended(turn));
        }
        return turn;
    }

    private List<Reply> finish(Turn turn, ConversationState next) {
        store.save(turn.in.chat(), next);
        List<Reply> out = new ArrayList<>(turn.ctx.extraReplies());
        out.addAll(turn.replies);
        return out;
    }

    // ---- what the person did ------------------------------------------------------------------

    private ConversationState command(Turn t) {
        String command = t.in.command();
        Flow current = t.flow();
        if (current != null && current.commands().containsKey(command)) {
            return follow(t, current.commands().get(command), false);
        }
        if (current != null && current.staff() && ("start".equals(command) || "menu".equals(command))) {
            leaveStaffFlow(t, current);
        }
        switch (command) {
            case "start" -> {
                String args = t.in.commandArgs();
                if (args.startsWith("m_")) {
                    t.ctx.setVar("municipality_link", args.substring(2));
                }
                t.state.history().clear();
                boolean onboarded = "yes".equals(t.state.vars().get(ONBOARDED));
                if (!onboarded && t.dialogs.flow(ONBOARDING) != null) {
                    if (deepLinkOwner(args).isPresent()) {
                        // a newcomer from an invitation link: consent first, then where the link points
                        t.ctx.setVar(PENDING_LINK, args);
                    }
                    return enterFlow(t, ONBOARDING, t.state, false);
                }
                Optional<ConversationState> linked = deepLink(t, args);
                return linked.orElseGet(() -> enterFlow(t, MAIN, t.state, false));
            }
            case "menu" -> {
                t.state.history().clear();
                return enterFlow(t, MAIN, t.state, false);
            }
            case "help" -> {
                Step help = t.dialogs.flow(MAIN).step("help");
                if (help != null && isStaffFlow(t) && currentStep(t) != null) {
                    // help is no way out of a draft: the help text, then the draft's step again
                    t.ctx.say(Reply.text(fill(t, t.dialogs.text(help.text()))));
                    return redraw(t, false);
                }
                return t.dialogs.flow(MAIN).step("help") != null
                        ? enter(t, MAIN, "help", t.state, true, false)
                        : enterFlow(t, MAIN, t.state, false);
            }
            case "stop" -> {
                runQuietly(t, "parent.notifications", "off");
                t.replies.add(Reply.text(fill(t, t.dialogs.text("stopped"))));
                return t.state;
            }
            default -> {
                ChatCommand feature = commands.get(command);
                if (feature != null) {
                    return runCommand(t, feature, t.in.commandArgs());
                }
                if (isStaffFlow(t) && currentStep(t) != null) {
                    // a mistyped command must not leave a draft open behind the main menu: say so, stay
                    t.ctx.say(Reply.text(fill(t, t.dialogs.text("unknown_command"))));
                    return redraw(t, false);
                }
                t.notice = fill(t, t.dialogs.text("unknown_command"));
                return enterFlow(t, MAIN, t.state, false);
            }
        }
    }

    /** {@code /start <prefix><arg>} for a feature command that owns the prefix ("s_" → /survey). */
    private Optional<ConversationState> deepLink(Turn t, String args) {
        return deepLinkOwner(args).map(feature ->
                runCommand(t, feature, args.substring(feature.deepLinkPrefix().orElseThrow().length())));
    }

    private Optional<ChatCommand> deepLinkOwner(String args) {
        for (ChatCommand feature : commands.values()) {
            Optional<String> prefix = feature.deepLinkPrefix();
            if (prefix.isPresent() && args.startsWith(prefix.get()) && args.length() > prefix.get().length()) {
                return Optional.of(feature);
            }
        }
        return Optional.empty();
    }

    private ConversationState runCommand(Turn t, ChatCommand feature, String args) {
        t.state.history().clear();
        String next = feature.run(t.ctx, args);
        return next == null ? enterFlow(t, MAIN, t.state, false) : goTo(t, next, false);
    }

    private ConversationState button(Turn t) {
        Optional<Target> target = resolve(t.state, t.in.payload(), t.dialogs);
        if (target.isEmpty()) {
            Optional<String> closed = closedFlowText(t);
            if (closed.isPresent()) {
                t.replies.add(Reply.text(fill(t, t.dialogs.text(closed.get()))));
                return t.state;
            }
            if (isStaffFlow(t)) {
                return unexpectedInStaffFlow(t);
            }
            t.notice = fill(t, t.dialogs.text("stale_button"));
            return redraw(t, false);
        }
        // a screen given back after a staff flow is not the last message (the flow's are): answer below
        return follow(t, target.get(), t.state.drawnAs() == null);
    }

    private ConversationState text(Turn t) {
        Step step = currentStep(t);
        if (step != null && step.input() != null) {
            return input(t, step, step.input());
        }
        if (step != null && isStaffFlow(t)) {
            return unexpectedInStaffFlow(t);
        }
        Optional<List<Reply>> answer = freeText.answer(t.ctx, t.in.text());
        if (answer.isPresent()) {
            t.replies.addAll(answer.get());
            String goTo = t.ctx.pendingGoTo();
            return goTo == null ? t.state : goTo(t, goTo, false);
        }
        t.notice = fill(t, t.dialogs.text("not_understood"));
        return enterFlow(t, MAIN, t.state, false);
    }

    private ConversationState notText(Turn t) {
        if (isStaffFlow(t) && currentStep(t) != null) {
            return unexpectedInStaffFlow(t);
        }
        t.notice = fill(t, t.dialogs.text("text_and_buttons"));
        return redraw(t, false);
    }

    /** In a staff flow: the flow's «choose with a button» text as a message of its own, then the step again. */
    private ConversationState unexpectedInStaffFlow(Turn t) {
        Flow flow = t.flow();
        t.ctx.say(Reply.text(fill(t, t.dialogs.text(flow.stale() == null ? "stale_button" : flow.stale()))));
        return redraw(t, false);
    }

    /** A press on a button of a staff flow that has ended since: the flow's {@code closed} text, if it has one. */
    private Optional<String> closedFlowText(Turn t) {
        String ended = t.state.vars().get(ENDED);
        String payload = t.in.payload();
        if (ended == null || payload == null || !payload.matches("w\\d{1,18}\\.\\d{1,3}")) {
            return Optional.empty();
        }
        String[] parts = ended.split(":");
        Flow flow = parts.length == 3 ? t.dialogs.flow(parts[0]) : null;
        if (flow == null || flow.closed() == null || !t.staff()) {
            return Optional.empty();
        }
        long window = Long.parseLong(payload.substring(1, payload.indexOf('.')));
        return window >= Long.parseLong(parts[1]) && window <= Long.parseLong(parts[2])
                ? Optional.of(flow.closed()) : Optional.empty();
    }

    private boolean isStaffFlow(Turn t) {
        Flow flow = t.flow();
        return flow != null && flow.staff();
    }

    /** The input of the current step when it is a staff flow's step that takes typed text, else null. */
    private InputDef typedInputOfStaffFlow(Turn t) {
        Step step = isStaffFlow(t) ? currentStep(t) : null;
        return step != null && step.input() != null && !"message".equals(step.input().kind()) ? step.input() : null;
    }

    /**
     * /start or /menu in a staff flow: the person leaves it, so it ends as its /cancel would end it
     * (a draft is dropped, and the action says so) instead of staying open behind the menu. The
     * flow's buttons then say it is closed. The command itself goes on as usual.
     */
    private void leaveStaffFlow(Turn t, Flow flow) {
        Target cancel = flow.commands().get("cancel");
        if (cancel != null && cancel.kind() == Target.Kind.ACTION) {
            run(t, cancel);
        }
        ended(t); // forgets the flow's variables and remembers its windows, in the turn's own variables
    }

    private boolean takesMessage(Turn t) {
        Step step = currentStep(t);
        return step != null && step.input() != null && "message".equals(step.input().kind());
    }

    private ConversationState input(Turn t, Step step, InputDef input) {
        String value = t.in.text().strip();
        if ("message".equals(input.kind())) {
            return message(t, step, input);
        }
        boolean valid = switch (input.kind()) {
            case "number" -> isNumberWithin(value, input.min(), input.max());
            case "contact" -> t.in.type() == Incoming.Type.CONTACT || value.replaceAll("[^0-9]", "").length() >= 10;
            default -> !value.isEmpty() && value.length() <= (input.maxLength() == null ? MAX_INPUT : input.maxLength());
        };
        if (!valid) {
            return retry(t, input.retry());
        }
        return accept(t, step, input, value);
    }

    /**
     * {@code type: message}: a text with its formatting (as the bot's markup), or one photo or file
     * whose caption is the text. The text goes to {@code save}, the kind of what came with it
     * ("photo", "document") to {@code save.attachment}; the action reads the file from the update.
     */
    private ConversationState message(Turn t, Step step, InputDef input) {
        IncomingAttachment a = t.in.attachment();
        String kind = null;
        if (t.in.type() == Incoming.Type.ATTACHMENT) {
            boolean usable = a != null && a.fileRef() != null
                    && (a.kind() == IncomingAttachment.Kind.PHOTO || a.kind() == IncomingAttachment.Kind.DOCUMENT);
            if (!usable) {
                return retry(t, input.retry());
            }
            if (t.in.text().isBlank()) {
                return retry(t, input.captionRetry() != null ? input.captionRetry() : input.retry());
            }
            kind = a.kind() == IncomingAttachment.Kind.PHOTO ? "photo" : "document";
        } else if (t.in.type() != Incoming.Type.TEXT || t.in.text().isBlank()
                || input.maxLength() != null && t.in.text().length() > input.maxLength()) {
            return retry(t, input.retry());
        }
        if (input.save() != null) {
            t.ctx.setVar(input.save() + ".attachment", kind);
        }
        return accept(t, step, input, t.in.textAsMarkup());
    }

    private ConversationState accept(Turn t, Step step, InputDef input, String value) {
        if (input.save() != null) {
            t.ctx.setVar(input.save(), value);
        }
        t.ctx.setVar("choice", value);
        Target then = input.then();
        if (then.kind() == Target.Kind.ACTION) {
            String outcome = run(t, then);
            if (DialogAction.RETRY.equals(outcome)) {
                return retry(t, input.retry());
            }
            return afterAction(t, then, outcome, false);
        }
        return follow(t, then, false);
    }

    private ConversationState retry(Turn t, String text) {
        t.replies.add(Reply.text(fill(t, t.dialogs.text(text == null ? "input_retry" : text))));
        return t.state;
    }

    // ---- moving between steps -----------------------------------------------------------------

    private ConversationState follow(Turn t, Target target, boolean edit) {
        target.set().forEach(t.ctx::setVar);
        return switch (target.kind()) {
            case GO -> goTo(t, target.ref(), edit);
            case FLOW -> enterFlow(t, target.ref(), t.state, edit);
            case ACTION -> afterAction(t, target, run(t, target), edit);
            case BACK -> back(t, edit);
            case URL -> redraw(t, edit);
        };
    }

    private ConversationState afterAction(Turn t, Target target, String outcome, boolean edit) {
        if (DialogAction.STAY.equals(outcome)) {
            return t.state;
        }
        if (DialogAction.END.equals(outcome)) {
            return ended(t);
        }
        String next = outcome == null ? target.next() : target.on().getOrDefault(outcome, target.next());
        if (DialogAction.RETRY.equals(outcome) || next == null) {
            return redraw(t, edit && t.ctx.extraReplies().isEmpty());
        }
        return goTo(t, next, edit && t.ctx.extraReplies().isEmpty());
    }

    private ConversationState goTo(Turn t, String ref, boolean edit) {
        if (DialogModel.END.equals(ref)) {
            return ended(t);
        }
        if (ref.contains(".")) {
            int dot = ref.indexOf('.');
            return enter(t, ref.substring(0, dot), ref.substring(dot + 1), t.state, true, edit);
        }
        return enter(t, t.state.flow() == null ? MAIN : t.state.flow(), ref, t.state, true, edit);
    }

    private ConversationState enterFlow(Turn t, String flowId, ConversationState from, boolean edit) {
        Flow flow = t.dialogs.flow(flowId);
        return enter(t, flowId, flow.start(), from, true, edit);
    }

    private ConversationState back(Turn t, boolean edit) {
        List<String> history = t.state.history();
        if (history.isEmpty()) {
            return enterFlow(t, MAIN, t.state, edit);
        }
        String previous = history.remove(history.size() - 1);
        int dot = previous.indexOf('.');
        return enter(t, previous.substring(0, dot), previous.substring(dot + 1), t.state, false, edit);
    }

    /**
     * Leaves the flow: the conversation rests on no step (free text goes to the router again, old
     * buttons are stale) and the flow's own variables are forgotten. What the action said is the reply.
     */
    private ConversationState ended(Turn t) {
        String flowId = t.state.flow();
        if (flowId != null) {
            String first = t.state.vars().get(flowId + FIRST_WINDOW);
            t.state.vars().keySet().removeIf(name -> name.startsWith(flowId + "."));
            if (first != null) {
                t.state.vars().put(ENDED, flowId + ":" + first + ":" + t.state.window());
            }
        }
        ConversationState.Screen under = t.state.under();
        if (under != null && under.flow() != null) {
            // the screen the flow was opened over works again; the counter stays past the flow's windows
            return new ConversationState(under.flow(), under.step(), t.state.window(), t.state.vars(), under.history(),
                    under.targets(), under.dialogsVersion(), null, under.window());
        }
        return new ConversationState(null, null, t.state.window() + 1, t.state.vars(), List.of(), List.of(),
                t.dialogs.version());
    }

    /** Shows the current step again (after a stale press, a retry, an attachment). */
    private ConversationState redraw(Turn t, boolean edit) {
        Step step = currentStep(t);
        if (step == null) {
            return enterFlow(t, MAIN, t.state, edit);
        }
        return enter(t, t.state.flow(), t.state.step(), t.state, false, edit);
    }

    private ConversationState enter(Turn t, String flowId, String stepId, ConversationState from, boolean remember,
                                    boolean edit) {
        Flow flow = t.dialogs.flow(flowId);
        if (flow != null && flow.staff() && !t.staff()) {
            flow = null; // a parent never reaches a staff step: for them it does not exist
        }
        Step step = flow == null ? null : flow.step(stepId);
        if (step == null) {
            flow = t.dialogs.flow(MAIN);
            step = flow.step(flow.start());
        }
        String pendingLink = from.vars().get(PENDING_LINK);
        if (pendingLink != null && flow.id().equals(MAIN) && step.id().equals(flow.start())) {
            // onboarding is over: the invitation link the newcomer came with opens now, once
            t.ctx.setVar(PENDING_LINK, null);
            Optional<ConversationState> linked = deepLink(t, pendingLink);
            if (linked.isPresent()) {
                return linked.get();
            }
        }
        List<String> history = from.history();
        String here = from.qualifiedStep();
        String there = flow.id() + "." + step.id();
        Flow left = here == null ? null : t.dialogs.flow(from.flow());
        // leaving a staff flow for a parents' one: «Назад» there must never lead into the closed draft
        boolean crossesOut = left != null && left.staff() && !flow.staff();
        if (remember && here != null && !here.equals(there) && !crossesOut) {
            history.add(here);
            while (history.size() > properties.historyDepth()) {
                history.remove(0);
            }
        }
        if (flow.id().equals(MAIN) && step.id().equals(flow.start())) {
            history.clear();
        }
        if (flow.staff() && !there.equals(here)) {
            edit = false; // staff keep the whole draft on screen: a new step is a new message
        }
        long window = from.window() + 1;
        if (flow.staff() && !from.vars().containsKey(flow.id() + FIRST_WINDOW)) {
            from.vars().put(flow.id() + FIRST_WINDOW, String.valueOf(window));
        }
        List<Target> targets = new ArrayList<>();
        int said = t.ctx.extraReplies().size();
        Reply reply = render(t, flow, step, window, targets);
        // a provider that sent a message first (a preview) puts the step below it, not in the old message
        t.replies.add(edit && t.ctx.extraReplies().size() == said ? reply.editingLast() : reply);
        ConversationState.Screen under = null;
        if (flow.staff()) {
            Flow before = from.flow() == null ? null : t.dialogs.flow(from.flow());
            under = before != null && before.staff() ? from.under() : from.screen();
        }
        return new ConversationState(flow.id(), step.id(), window, from.vars(), history, targets, t.dialogs.version(),
                under, null);
    }

    private Reply render(Turn t, Flow flow, Step step, long window, List<Target> targets) {
        DialogProvider.Content content = step.provider() == null
                ? DialogProvider.Content.of(Map.of())
                : steps.provider(step.provider()).orElseThrow().provide(t.ctx);
        Function<String, String> lookup = name -> lookup(t, name, content.vars());
        String text = TextTemplates.fill(t.dialogs.text(step.text()), lookup);
        if (t.notice != null) {
            text = t.notice + "\n\n" + text;
            t.notice = null;
        }
        List<List<Button>> rows = new ArrayList<>();
        for (List<DialogProvider.Choice> choiceRow : step.choice() == null ? List.<List<DialogProvider.Choice>>of() : content.rows()) {
            List<Button> buttons = new ArrayList<>();
            for (DialogProvider.Choice choice : choiceRow) {
                Target target = step.choice().withSet(Map.of("choice", choice.value()));
                buttons.add(Button.action(choice.label(), token(window, targets, target)));
            }
            rows.add(buttons);
        }
        for (List<ButtonDef> row : step.buttons()) {
            List<Button> buttons = new ArrayList<>();
            for (ButtonDef b : row) {
                String label = Markup.plainText(TextTemplates.fill(b.label(), lookup));
                if (b.target().kind() == Target.Kind.URL) {
                    String url = TextTemplates.fill(b.target().ref(), lookup);
                    if (url.startsWith("http")) {
                        buttons.add(Button.link(label, url));
                    }
                } else {
                    buttons.add(Button.action(label, token(window, targets, b.target())));
                }
            }
            if (!buttons.isEmpty()) {
                rows.add(buttons);
            }
        }
        if (step.back()) {
            rows.add(List.of(Button.action(t.dialogs.text("button_back"),
                    token(window, targets, new Target(Target.Kind.BACK, null, null, null, null, null)))));
        }
        return Reply.text(text).withButtons(rows);
    }

    private static String token(long window, List<Target> targets, Target target) {
        targets.add(target);
        return "w" + window + "." + (targets.size() - 1);
    }

    /** The target of a pressed button, if the press belongs to the window on screen and this dialogs version. */
    private static Optional<Target> resolve(ConversationState state, String payload, Dialogs dialogs) {
        if (payload == null || !payload.matches("w\\d{1,18}\\.\\d{1,3}") || state.flow() == null) {
            return Optional.empty();
        }
        int dot = payload.indexOf('.');
        long window = Long.parseLong(payload.substring(1, dot));
        int index = Integer.parseInt(payload.substring(dot + 1));
        if (window != state.liveWindow() || !dialogs.version().equals(state.dialogsVersion())
                || index >= state.targets().size()) {
            return Optional.empty();
        }
        return Optional.of(state.targets().get(index));
    }

    // ---- actions, placeholders ----------------------------------------------------------------

    private String run(Turn t, Target target) {
        return steps.action(target.ref()).orElseThrow().run(t.ctx, target.arg());
    }

    private void runQuietly(Turn t, String action, String arg) {
        steps.action(action).ifPresent(a -> a.run(t.ctx, arg));
    }

    private String fill(Turn t, String template) {
        return TextTemplates.fill(template, name -> lookup(t, name, Map.of()));
    }

    private String lookup(Turn t, String name, Map<String, String> providerVars) {
        String fromProvider = providerVars.get(name);
        if (fromProvider != null) {
            return fromProvider;
        }
        if (name.startsWith("var.")) {
            return Markup.escape(t.state.vars().get(name.substring(4)));
        }
        for (PlaceholderSource source : placeholders) {
            Optional<String> v = source.value(name, t.ctx);
            if (v.isPresent()) {
                return v.get();
            }
        }
        return null; // not a placeholder: the validator refuses it at load, so it never reaches a parent
    }

    private Step currentStep(Turn t) {
        Flow flow = t.state.flow() == null ? null : t.dialogs.flow(t.state.flow());
        return flow == null ? null : flow.step(t.state.step());
    }

    private static boolean isNumberWithin(String value, Integer min, Integer max) {
        try {
            int n = Integer.parseInt(value.replaceAll("\\s", ""));
            return (min == null || n >= min) && (max == null || n <= max);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public List<BotCommand> parentCommands() {
        return List.of(new BotCommand("start", "Начать сначала"), new BotCommand("menu", "Главное меню"),
                new BotCommand("help", "Подсказка"), new BotCommand("stop", "Отключить уведомления"));
    }
}
