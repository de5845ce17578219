package ru.kruzhok.faq;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Button;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.IncomingFilter;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.dialog.ConversationInputs;

/**
 * While a parent's question waits for staff, what they write or send — more text, a screenshot of
 * the Navigator, a document, a voice message — joins that question's thread instead of being read
 * as a new question (a second «Вопрос №…») or refused as «я понимаю текст и кнопки». Commands and
 * buttons still work as usual, so the parent can always leave through the menu, and a step waiting for
 * typed input (a survey question) still gets its answer. Runs after the
 * staff filter, before the conversation.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 200)
class ParentFollowUps implements IncomingFilter {

    private final QuestionDesk desk;
    private final DeskTexts texts;
    private final ConversationInputs inputs;

    ParentFollowUps(QuestionDesk desk, DeskTexts texts, ConversationInputs inputs) {
        this.desk = desk;
        this.texts = texts;
        this.inputs = inputs;
    }

    @Override
    public Optional<List<Reply>> intercept(Incoming in) {
        if (!in.isPrivate() || in.fromBot() || in.edited() || in.command() != null
                || (in.type() != Incoming.Type.TEXT && in.type() != Incoming.Type.ATTACHMENT)) {
            return Optional.empty();
        }
        // a step that asked for typed input (a survey answer, a child's age) gets what is typed; a bare
        // photo or voice message it could not read still joins the question
        boolean typed = in.type() == Incoming.Type.TEXT || !in.text().isBlank();
        if (typed && inputs.awaitsInput(in.chat())) {
            return Optional.empty();
        }
        return desk.followUp(in).map(id -> List.of(Reply.text(texts.text(DeskTexts.FOLLOW_UP, null,
                        Map.of("desk.number", String.valueOf(id))))
                .withButtonRow(Button.action("📋 Главное меню", "/menu"))));
    }
}
