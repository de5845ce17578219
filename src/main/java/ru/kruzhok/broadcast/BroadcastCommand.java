package ru.kruzhok.broadcast;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.dialog.Conversations;
import ru.kruzhok.dialog.DialogRegistry;
import ru.kruzhok.dialog.TextTemplates;
import ru.kruzhok.staff.AuditLog;
import ru.kruzhok.staff.StaffAccess;
import ru.kruzhok.staff.StaffButton;
import ru.kruzhok.staff.StaffCommand;

/**
 * /broadcast for staff in Telegram: opens the flow {@code dialogs/staff/broadcast.yaml} in a private
 * chat; {@code /broadcast cancel 42} and the «⛔» button of a broadcast's progress message cancel a
 * broadcast the person may act for. The button lives in a message that outlasts any draft, so it is
 * a staff button ({@code s:bc:cancel:42}), never stale; a parent's forged press never gets here.
 */
@Component
class BroadcastCommand implements StaffCommand, StaffButton {

    private static final String BUTTONS = StaffButton.prefixFor("bc");
    static final String PREFIX = BUTTONS + ":";
    private static final Pattern CANCEL_ARGS = Pattern.compile("(?:cancel|отмена|отменить)\\s+№?(\\d{1,18})");

    private final StaffAccess access;
    private final Broadcasts broadcasts;
    private final BroadcastProgress progress;
    private final AuditLog audit;
    private final DialogRegistry texts;
    // Lazy: the dialog engine runs the flow's actions, which are this feature's beans.
    private final ObjectProvider<Conversations> conversations;

    BroadcastCommand(StaffAccess access, Broadcasts broadcasts, BroadcastProgress progress, AuditLog audit,
                     DialogRegistry texts, ObjectProvider<Conversations> conversations) {
        this.access = access;
        this.broadcasts = broadcasts;
        this.progress = progress;
        this.audit = audit;
        this.texts = texts;
        this.conversations = conversations;
    }

    /** The payload of the button that cancels broadcast {@code id}. */
    static String cancelPayload(long id) {
        return PREFIX + "cancel:" + id;
    }

    @Override
    public String name() {
        return "broadcast";
    }

    @Override
    public Role role() {
        return Role.STAFF;
    }

    @Override
    public String description() {
        return "Рассылка родителям";
    }

    @Override
    public String prefix() {
        return BUTTONS;
    }

    @Override
    public List<Reply> handle(Incoming in) {
        if (!in.isPrivate()) {
            return say("broadcast_private_only", null);
        }
        String args = in.commandArgs();
        if (!args.isEmpty()) {
            Matcher m = CANCEL_ARGS.matcher(args.toLowerCase());
            if (!m.matches()) {
                return say("broadcast_cancel_usage", null);
            }
            return cancel(in, Long.parseLong(m.group(1)));
        }
        return conversations.getObject().start(in, BroadcastComposer.FLOW);
    }

    /**
     * The cancel button of a progress message. Any other payload of ours (an old draft's) is left to
     * the conversation, which answers it as a press the draft does not expect.
     */
    @Override
    public Optional<List<Reply>> press(Incoming in, String data) {
        if (!in.isPrivate() || !data.startsWith(":cancel:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(cancel(in, Long.parseLong(data.substring(":cancel:".length()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Cancels a broadcast the person may act for; says what happened. Another's is "not found". */
    private List<Reply> cancel(Incoming in, long id) {
        Optional<Broadcasts.Scope> scope = broadcasts.scope(id).filter(b -> "announcement".equals(b.kind()));
        boolean allowed = scope.map(b -> access.isAdmin(in)
                || !b.municipalities().isEmpty() && b.municipalities().stream().allMatch(m -> access.mayAct(in, m)))
                .orElse(false);
        if (!allowed) {
            return say("broadcast_not_found", id);
        }
        if (!broadcasts.cancel(id)) {
            return say("broadcast_already_over", id);
        }
        audit.record(AuditLog.actorOf(in), "broadcast.cancelled", "broadcast " + id + " (was " + scope.get().status() + ")");
        progress.refresh(id, true);
        return say("broadcast_cancelled", id);
    }

    private List<Reply> say(String key, Long id) {
        String text = TextTemplates.fill(texts.text(key), name -> name.equals("broadcast.id") && id != null
                ? String.valueOf(id) : null);
        return List.of(Reply.text(text));
    }
}
