package ru.kruzhok.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import ru.kruzhok.channel.Markup.Span;
import ru.kruzhok.channel.Markup.Style;

class MarkupTest {

    @Test
    void escapedTextParsesBackToItselfAsPlainText() {
        Random random = new Random(7);
        String alphabet = "*_[]()\\<>&ab ёж😀\n";
        for (int round = 0; round < 500; round++) {
            StringBuilder raw = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                raw.appendCodePoint(alphabet.codePoints().toArray()[random.nextInt((int) alphabet.codePoints().count())]);
            }
            String typed = raw.toString();

            var spans = Markup.parse(Markup.escape(typed));

            assertThat(spans).allSatisfy(s -> assertThat(s.style()).isEqualTo(Style.PLAIN));
            assertThat(Markup.plainText(Markup.escape(typed))).as("round trip of %s", typed).isEqualTo(typed);
        }
    }

    @Test
    void parsesBoldItalicAndLinks() {
        assertThat(Markup.parse("Это **важно**, __очень__: [сайт](https://moc.example.ru/a_b)")).containsExactly(
                Span.plain("Это "),
                new Span(Style.BOLD, "важно", null),
                Span.plain(", "),
                new Span(Style.ITALIC, "очень", null),
                Span.plain(": "),
                new Span(Style.LINK, "сайт", "https://moc.example.ru/a_b"));
    }

    @Test
    void keepsUnbalancedMarkersAsLiteralText() {
        for (String text : new String[] {"2 ** 3 = 8", "__init и **", "[не ссылка", "[метка](", "**", "____",
                "a ** b __ c", "[](https://x.ru)"}) {
            assertThat(Markup.parse(text)).as(text).allSatisfy(s -> assertThat(s.style()).isEqualTo(Style.PLAIN));
            assertThat(Markup.plainText(text)).as(text).isEqualTo(text);
        }
    }

    @Test
    void doesNotLinkUnsafeUrls() {
        for (String text : new String[] {"[нажми](javascript:alert(1))", "[x](data:text/html,<b>hi</b>)",
                "[x](vbscript:msgbox)", "[x](https://a b.ru)", "[x](//evil.example)"}) {
            assertThat(Markup.parse(text)).as(text).noneMatch(s -> s.style() == Style.LINK);
            assertThat(Markup.plainText(text)).as(text).isEqualTo(text);
        }
    }

    @Test
    void escapedMarkersInsideBoldStayLiteral() {
        assertThat(Markup.parse("**a\\*\\*b**")).containsExactly(new Span(Style.BOLD, "a**b", null));
    }
}
