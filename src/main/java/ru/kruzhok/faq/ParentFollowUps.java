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

/**
 * While a parent's question waits for staff, what they write or send — more text, a screenshot of
 * the Navigator, a document, a voice message — joins that question's thread instead of being read
 * as a new question (a second «Вопрос №…») or refused as «я понимаю текст и кнопки». Commands and
 * buttons still work as usual, so the parent can always leave through the menu. Runs after the
 * staff filter, before the conversation.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 200)
class ParentFollowUps implements IncomingFilter {

    private final QuestionDesk desk;
    private final DeskTexts texts;

    ParentFollowUps(QuestionDesk desk, DeskTexts texts) {
        this.desk = desk;
        this.texts = texts;
    }

    @Override
    public Optional<List<Reply>> intercept(Incoming in) {
        if (!in.isPrivate() || in.fromBot() || in.edited() || in.command() != null
                || (in.type() != Incoming.Type.TEXT && in.type() != Incoming.Type.ATTACHMENT)) {
            return Optional.empty();
        }
        return desk.followUp(in).map(id -> List.of(Reply.text(texts.text(DeskTexts.FOLLOW_UP, null,
                        Map.of("desk.number", String.valueOf(id))))
                .withButtonRow(Button.action("📋 Главное меню", "/menu"))));
    }
}
