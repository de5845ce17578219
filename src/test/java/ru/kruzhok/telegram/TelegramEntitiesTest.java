package ru.kruzhok.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import ru.kruzhok.channel.Markup;

class TelegramEntitiesTest {

    private static MessageEntity entity(String type, int offset, int length, String url) {
        MessageEntity e = new MessageEntity(type, offset, length);
        e.setUrl(url);
        return e;
    }

    @Test
    void boldItalicAndLinksBecomeMarkupAndEverythingElseStaysEscapedText() {
        String text = "Праздник в ДДТ! Вот программа, вход *бесплатный* [1]";
        String markup = TelegramEntities.toMarkup(text, List.of(
                entity("bold", 0, 8, null),
                entity("italic", 9, 6, null),
                entity("text_link", 20, 9, "https://example.ru/a b(1)"),
                entity("underline", 31, 4, null)));
        assertThat(markup).isEqualTo("**Праздник** __в ДДТ!__ Вот [программа](https://example.ru/a%20b(1%29), "
                + "вход \\*бесплатный\\* \\[1\\]");
        assertThat(Markup.plainText(markup)).isEqualTo(text);
        assertThat(TelegramHtml.render(markup, TelegramHtml.MESSAGE_LIMIT).get(0)).isEqualTo(
                "<b>Праздник</b> <i>в ДДТ!</i> Вот <a href=\"https://example.ru/a%20b(1%29\">программа</a>, "
                        + "вход *бесплатный* [1]");
    }

    @Test
    void overlappingEntitiesEmojiOffsetsAndUnsafeLinksAreHandled() {
        // 😀 is two UTF-16 units, as Telegram counts offsets
        String text = "😀 жирный курсив";
        String markup = TelegramEntities.toMarkup(text, List.of(entity("bold", 3, 13, null), entity("italic", 10, 6, null),
                entity("text_link", 0, 2, "javascript:alert(1)")));
        assertThat(markup).isEqualTo("😀 **жирный курсив**");
        assertThat(TelegramEntities.toMarkup("просто <b>текст</b>", null)).isEqualTo("просто <b>текст</b>");
        assertThat(TelegramHtml.render(TelegramEntities.toMarkup("просто <b>текст</b>", null), 4096).get(0))
                .isEqualTo("просто &lt;b&gt;текст&lt;/b&gt;");
    }
}
