package ru.kruzhok.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import ru.kruzhok.channel.Button;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.IncomingAttachment;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.dialog.DialogModel.Dialogs;
import ru.kruzhok.dialog.FlowLoader.DialogFile;

/**
 * The engine's staff flows and its message input, on a small staff flow next to a parents' menu:
 * only staff get in, a parent's jump or forged press finds nothing staff-like, a staff flow answers
 * unexpected presses and messages with its own text, commands of the flow work, {@code next: end}
 * leaves the flow, and {@code type: message} takes formatted text with one photo or file.
 */
class DialogStaffFlowTest {

    private static final String MAIN = """
            flow: main
            start: menu
            steps:
              menu:
                text: "Главное меню"
                buttons:
                  - { label: "Дальше", go: other }
              other:
                text: "Другой шаг"
                back: true
            """;
    private static final String DESK = """
            flow: desk
            staff: true
            stale: desk_stale
            start: content
            closed: desk_closed
            commands:
              cancel: { action: desk.drop, next: end }
            steps:
              content:
                text: "Пришлите объявление"
                input: { type: message, save: desk.text, action: desk.content, next: pick, retry: desk_retry, caption-retry: desk_caption }
              pick:
                text: "Кому?"
                buttons:
                  - { label: "Всем", action: desk.send, next: end }
                  - { label: "Ещё раз", go: pick }
                  - { label: "Подробнее", go: more }
                  - { label: "Позже", go: when }
              more:
                text: "Подробнее"
              when:
                text: "Когда?"
                input: { type: text, action: desk.send, next: end, retry: desk_when_retry }
            """;
    private static final String TEXTS = """
            stale_button: "Меню устарело"
            text_and_buttons: "Пишите текстом"
            not_understood: "Не понял"
            unknown_command: "Нет такой команды"
            input_retry: "Ещё раз"
            stopped: "Выключено"
            button_back: "Назад"
            desk_stale: "Выберите кнопкой"
            desk_retry: "Жду объявление"
            desk_caption: "Добавьте подпись"
            desk_closed: "Черновик уже закрыт"
            desk_when_retry: "Напишите дату"
            """;

    @TempDir
    Path dir;

    final Map<String, ConversationState> states = new HashMap<>();
    final Set<String> staff = new java.util.HashSet<>();
    final List<String> seen = new ArrayList<>();
    final AtomicInteger sent = new AtomicInteger();
    DialogEngine engine;
    int update;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(dir.resolve("main.yaml"), MAIN);
        Files.writeString(dir.resolve("texts.yaml"), TEXTS);
        Files.createDirectories(dir.resolve("staff"));
        Files.writeString(dir.resolve("staff").resolve("desk.yaml"), DESK);
        DialogBindings desk = new DialogBindings()
                .action("desk.content", ctx -> {
                    seen.add(ctx.var("desk.text") + " | " + ctx.var("desk.text.attachment"));
                    return null;
                })
                .action("desk.send", ctx -> {
                    sent.incrementAndGet();
                    ctx.say(Reply.text("Отправлено: " + ctx.var("desk.text")));
                    return null;
                })
                .action("desk.drop", ctx -> {
                    ctx.say(Reply.text("Черновик удалён"));
                    return null;
                });
        DialogSteps steps = new DialogSteps(List.of(desk));
        DialogProperties properties = new DialogProperties(dir, 20);
        DialogRegistry registry = new DialogRegistry(properties, steps, List.of(), List.of());
        ConversationStore store = new ConversationStore(null, null, null) {
            @Override
            Optional<ConversationState> load(ChatAddress chat) {
                ConversationState s = states.get(chat.key());
                return Optional.ofNullable(s == null ? null : s.copy());
            }

            @Override
            void save(ChatAddress chat, ConversationState state) {
                states.put(chat.key(), state);
            }
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("gate", (StaffGate) in -> staff.contains(in.userId()));
        FreeTextAnswerer noAnswer = (ctx, text) -> Optional.empty();
        ChatCommand jump = new ChatCommand() {
            @Override
            public String name() {
                return "jump";
            }

            @Override
            public String run(DialogContext context, String args) {
                return args;
            }
        };
        engine = new DialogEngine(registry, store, steps, List.of(), noAnswer, List.of(jump), properties,
                beans.getBeanProvider(StaffGate.class));
    }

    @Test
    void staffComposeAMessageWithAPhotoAndLeaveTheFlowWhenDone() {
        staff.add("7");
        Reply first = only(engine.start(text("7", "/broadcast"), "desk"));
        assertThat(first.text()).isEqualTo("Пришлите объявление");

        assertThat(only(engine.handle(photo("7", ""))).text()).isEqualTo("Добавьте подпись");
        assertThat(only(engine.handle(attachment("7", IncomingAttachment.Kind.STICKER, "x"))).text())
                .isEqualTo("Жду объявление");
        assertThat(seen).isEmpty();

        Reply pick = only(engine.handle(photo("7", "<b>Праздник</b>")));
        assertThat(seen).containsExactly("<b>Праздник</b> | photo");
        seen.clear();
        assertThat(pick.text()).isEqualTo("Кому?");

        // a new step in a staff flow is a new message, never an edit of the last one; the same step
        // shown again after a press (a ✅ toggled) is redrawn in place
        assertThat(only(engine.handle(press("7", pick, "Подробнее"))).mode()).isEqualTo(Reply.Mode.SEND_NEW);
        engine.start(text("7", "/broadcast"), "desk");
        pick = only(engine.handle(photo("7", "<b>Праздник</b>")));
        Reply again = only(engine.handle(press("7", pick, "Ещё раз")));
        assertThat(again.mode()).isEqualTo(Reply.Mode.EDIT_LAST);

        List<Reply> done = engine.handle(press("7", again, "Всем"));
        assertThat(done).extracting(Reply::text).containsExactly("Отправлено: <b>Праздник</b>");
        assertThat(sent).hasValue(1);
        ConversationState after = states.get(chat("7").key());
        assertThat(after.flow()).isNull();
        assertThat(after.vars()).doesNotContainKeys("desk.text", "desk.text.attachment");
        // the draft's buttons are gone with it: they say so, and nothing else happens
        assertThat(engine.handle(press("7", again, "Всем"))).extracting(Reply::text).containsExactly("Черновик уже закрыт");
        assertThat(sent).hasValue(1);
        // also once they are elsewhere: a closed draft's buttons keep saying so, and never act
        engine.handle(text("7", "/menu"));
        assertThat(engine.handle(press("7", again, "Всем"))).extracting(Reply::text).containsExactly("Черновик уже закрыт");
        assertThat(sent).hasValue(1);
    }

    @Test
    void menuOrStartLeaveAStaffFlowAsItsCancelDoesAndItsButtonsThenSayItIsClosed() {
        staff.add("7");
        for (String leave : List.of("/menu", "/start")) {
            engine.start(text("7", "/broadcast"), "desk");
            Reply pick = only(engine.handle(text("7", "Объявление")));
            List<Reply> left = engine.handle(text("7", leave));
            assertThat(left).extracting(Reply::text).as(leave).containsExactly("Черновик удалён", "Главное меню");
            ConversationState after = states.get(chat("7").key());
            assertThat(after.flow()).isEqualTo("main");
            assertThat(after.vars()).doesNotContainKeys("desk.text");
            assertThat(engine.handle(press("7", pick, "Всем"))).extracting(Reply::text).containsExactly("Черновик уже закрыт");
            // «Назад» from the menu never leads back into the draft
            Reply other = only(engine.handle(press("7", left.get(1), "Дальше")));
            assertThat(only(engine.handle(press("7", other, "Назад"))).text()).isEqualTo("Главное меню");
        }
        assertThat(sent).hasValue(0);
    }

    @Test
    void theScreenAStaffFlowWasOpenedOverWorksAgainOnceTheFlowEnds() {
        staff.add("7");
        Reply menu = only(engine.handle(text("7", "/menu")));
        engine.start(text("7", "/broadcast"), "desk");
        Reply pick = only(engine.handle(text("7", "Объявление")));
        // while the flow runs, the menu below is not one of its steps
        List<Reply> during = engine.handle(press("7", menu, "Дальше"));
        assertThat(during).extracting(Reply::text).containsExactly("Выберите кнопкой", "Кому?");
        pick = during.get(1);
        engine.handle(press("7", pick, "Всем"));
        assertThat(sent).hasValue(1);

        Reply other = only(engine.handle(press("7", menu, "Дальше")));
        assertThat(other.text()).isEqualTo("Другой шаг");
        // the flow's messages are the last ones in the chat: the menu answers below them, never in their place
        assertThat(other.mode()).isEqualTo(Reply.Mode.SEND_NEW);
        assertThat(engine.handle(press("7", pick, "Всем"))).extracting(Reply::text).containsExactly("Черновик уже закрыт");
        assertThat(engine.handle(press("7", menu, "Дальше")).get(0).text()).startsWith("Меню устарело");
        assertThat(sent).hasValue(1);
    }

    @Test
    void aStaffStepThatTakesTypedTextAnswersAPhotoWithItsOwnRetryText() {
        staff.add("7");
        engine.start(text("7", "/broadcast"), "desk");
        Reply pick = only(engine.handle(text("7", "Объявление")));
        engine.handle(press("7", pick, "Позже"));
        assertThat(engine.handle(photo("7", ""))).extracting(Reply::text).containsExactly("Напишите дату");
        assertThat(engine.handle(photo("7", "завтра"))).extracting(Reply::text).containsExactly("Напишите дату");
        assertThat(engine.handle(attachment("7", IncomingAttachment.Kind.STICKER, ""))).extracting(Reply::text)
                .containsExactly("Напишите дату");
        assertThat(sent).hasValue(0);
        assertThat(engine.handle(text("7", "завтра"))).extracting(Reply::text).containsExactly("Отправлено: Объявление");
    }

    @Test
    void aPlainTextMessageHasNoAttachmentAndKeepsItsFormatting() {
        staff.add("7");
        engine.start(text("7", "/broadcast"), "desk");
        Incoming formatted = new Incoming("u" + (++update), chat("7"), "7", Incoming.ChatKind.PRIVATE,
                Incoming.Type.TEXT, "Жирный", null, null, false, false, null, null, null, Instant.now(), "<b>Жирный</b>");
        engine.handle(formatted);
        assertThat(seen).containsExactly("<b>Жирный</b> | null");
    }

    @Test
    void inAStaffFlowUnexpectedPressesAndMessagesGetTheFlowsTextAndTheStepAgain() {
        staff.add("7");
        engine.start(text("7", "/broadcast"), "desk");
        engine.handle(text("7", "Объявление"));

        List<Reply> forged = engine.handle(button("7", "s:bc:m:zarechny"));
        assertThat(forged).extracting(Reply::text).containsExactly("Выберите кнопкой", "Кому?");
        List<Reply> typed = engine.handle(text("7", "всем"));
        assertThat(typed).extracting(Reply::text).containsExactly("Выберите кнопкой", "Кому?");
        assertThat(typed.get(1).mode()).isEqualTo(Reply.Mode.SEND_NEW);
    }

    @Test
    void aCommandOfTheFlowWorksFromAnyStepAndOtherwiseIsUnknown() {
        staff.add("7");
        engine.start(text("7", "/broadcast"), "desk");
        engine.handle(text("7", "Объявление"));
        // a mistyped command keeps the draft: it says so and shows the step again
        assertThat(engine.handle(text("7", "/cancle"))).extracting(Reply::text).containsExactly("Нет такой команды", "Кому?");
        assertThat(states.get(chat("7").key()).flow()).isEqualTo("desk");
        assertThat(engine.handle(text("7", "/cancel"))).extracting(Reply::text).containsExactly("Черновик удалён");
        assertThat(states.get(chat("7").key()).flow()).isNull();
        assertThat(engine.handle(text("7", "/cancel")).get(0).text()).startsWith("Нет такой команды");
    }

    @Test
    void aParentNeverReachesAStaffStep() {
        List<Reply> unknownStep = engine.handle(text("1", "/jump nosuch.step"));
        assertThat(engine.start(text("2", "/broadcast"), "desk")).isEqualTo(unknownStep);
        assertThat(engine.handle(text("3", "/jump desk.pick"))).isEqualTo(unknownStep);

        // a parent whose conversation somehow stands in the staff flow (a role taken away mid-draft)
        staff.add("4");
        engine.start(text("4", "/broadcast"), "desk");
        Reply pick = engine.handle(text("4", "Объявление")).get(0);
        staff.remove("4");
        List<Reply> pressed = engine.handle(press("4", pick, "Всем"));
        assertThat(sent).hasValue(0);
        assertThat(pressed.get(0).text()).startsWith("Меню устарело").endsWith("Главное меню");
        assertThat(engine.handle(text("4", "/cancel")).get(0).text()).startsWith("Нет такой команды");
    }

    @Test
    void aParentsFlowCannotLeadIntoAStaffFlowAndStaffKeysAreForStaffFlows() {
        String parentLink = MAIN.replace("go: other", "go: desk.pick");
        assertThatThrownBy(() -> validate(parentLink, DESK))
                .hasMessageContaining("dialogs/main.yaml:7:").hasMessageContaining("cannot lead to the staff flow 'desk'");
        assertThatThrownBy(() -> validate(MAIN.replace("go: other", "flow: desk"), DESK))
                .hasMessageContaining("cannot lead to the staff flow 'desk'");
        assertThatThrownBy(() -> validate(MAIN, DESK.replace("staff: true\n", "")))
                .hasMessageContaining("dialogs/staff/desk.yaml:2:").hasMessageContaining("'stale:' is for staff flows");
        assertThatThrownBy(() -> validate(MAIN, DESK.replace("staff: true\n", "").replace("stale: desk_stale\n", "")))
                .hasMessageContaining("'closed:' is for staff flows");
        assertThatThrownBy(() -> validate(MAIN, DESK.replace("  pick:", "  end:").replace("next: pick", "next: end")))
                .hasMessageContaining("'end' is not a step name");
        assertThatThrownBy(() -> validate(MAIN, DESK.replace("caption-retry: desk_caption", "caption-retry: desk_nope")))
                .hasMessageContaining("unknown text 'desk_nope'");
        assertThatThrownBy(() -> validate(MAIN.replace("text: \"Другой шаг\"",
                "text: \"Другой шаг\"\n    input: { type: text, next: menu, caption-retry: desk_caption }"), DESK))
                .hasMessageContaining("'caption-retry' is for 'type: message'");
    }

    @Test
    void theFlowsCommandTargetIsChecked() {
        assertThatThrownBy(() -> validate(MAIN, DESK.replace("action: desk.drop, next: end", "action: desk.drop, next: nowhere")))
                .hasMessageContaining("dialogs/staff/desk.yaml:1:").hasMessageContaining("unknown step 'nowhere'");
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static void validate(String main, String desk) {
        Dialogs d = new FlowLoader().load(List.of(new DialogFile("dialogs/main.yaml", main),
                new DialogFile("dialogs/staff/desk.yaml", desk)), List.of(new DialogFile("dialogs/texts.yaml", TEXTS)));
        new FlowValidator(Set.of("desk.content", "desk.send", "desk.drop"), Set.of()).validate(d);
    }

    private static Reply only(List<Reply> replies) {
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }

    private static ChatAddress chat(String user) {
        return new ChatAddress("telegram", user);
    }

    private Incoming text(String user, String text) {
        return Incoming.text("u" + (++update), chat(user), user, text);
    }

    private Incoming button(String user, String payload) {
        return Incoming.button("u" + (++update), chat(user), user, payload);
    }

    private Incoming press(String user, Reply shown, String label) {
        String payload = shown.buttons().stream().flatMap(List::stream).filter(b -> b.label().equals(label))
                .map(Button::payload).findFirst().orElseThrow(() -> new AssertionError("no button " + label));
        return button(user, payload);
    }

    private Incoming photo(String user, String caption) {
        return attachment(user, IncomingAttachment.Kind.PHOTO, caption);
    }

    private Incoming attachment(String user, IncomingAttachment.Kind kind, String caption) {
        return new Incoming("u" + (++update), chat(user), user, Incoming.ChatKind.PRIVATE, Incoming.Type.ATTACHMENT,
                caption, null, new IncomingAttachment(kind, "file-1", null, null), false, false, null, null, null,
                Instant.now(), caption.isEmpty() ? null : caption);
    }
}
