package ru.kruzhok.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.dialog.DialogRegistry;
import ru.kruzhok.parent.ParentProfiles;
import ru.kruzhok.support.IntegrationTest;

/**
 * A survey before it opens or after it closes answers politely and starts nothing. The shared
 * context's clock is the real one, so this test builds the survey chat with a clock of its own.
 */
class SurveyDatesTest extends IntegrationTest {

    @Autowired
    SurveyCatalog catalog;
    @Autowired
    SurveyResponses responses;
    @Autowired
    ParentProfiles profiles;
    @Autowired
    DialogRegistry dialogs;

    /** DialogContext is built by the engine only; the test reaches its constructor to press a list button. */
    private DialogContext pressed(String value) throws Exception {
        Constructor<DialogContext> c = DialogContext.class.getDeclaredConstructor(Incoming.class, Map.class, Function.class);
        c.setAccessible(true);
        Map<String, String> vars = new HashMap<>(Map.of("choice", value));
        ChatAddress chat = new ChatAddress("telegram", String.valueOf(newChatId()));
        Function<String, String> texts = dialogs::text;
        return c.newInstance(Incoming.button("u" + newChatId(), chat, chat.chatId(), "w1.0"), vars, texts);
    }

    @SuppressWarnings("unchecked")
    private static List<Reply> said(DialogContext ctx) throws Exception {
        Field f = DialogContext.class.getDeclaredField("extraReplies");
        f.setAccessible(true);
        return (List<Reply>) f.get(ctx);
    }

    private SurveyChat chatAt(String instant) {
        return new SurveyChat(catalog, responses, profiles, Clock.fixed(Instant.parse(instant), ZoneId.of("Europe/Moscow")));
    }

    @Test
    void beforeItOpensTheSurveySaysWhenItStarts() throws Exception {
        DialogContext ctx = pressed("s:satisfaction");
        assertThat(chatAt("2025-12-01T10:00:00Z").begin(ctx)).isEqualTo(SurveyChat.OUTCOME_CLOSED);
        assertThat(said(ctx).get(0).text()).contains("начнётся", "1 января 2026");
        assertThat(ctx.var("survey")).isNull();
    }

    @Test
    void afterItClosesTheSurveySaysItIsOverAndIsNotListed() throws Exception {
        DialogContext ctx = pressed("s:satisfaction");
        SurveyChat later = chatAt("2028-02-01T10:00:00Z");
        assertThat(later.begin(ctx)).isEqualTo(SurveyChat.OUTCOME_CLOSED);
        assertThat(said(ctx).get(0).text()).contains("уже завершён");
        assertThat(later.openSurveys(pressed("")).rows()).isEmpty();
    }
}
