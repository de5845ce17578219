package ru.kruzhok.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.support.TelegramHtmlChecker;

class TelegramHtmlTest {

    private static final int LIMIT = TelegramHtml.MESSAGE_LIMIT;

    @Test
    void escapesWhatAParentTypedSoItNeverBecomesATag() {
        String typed = "<b>&</b> 5 > 3 \"кавычки\" & <script>";

        List<String> parts = TelegramHtml.render("Вы написали: " + Markup.escape(typed), LIMIT);

        assertThat(parts).hasSize(1);
        assertThat(parts.get(0)).doesNotContain("<b>", "<script>")
                .contains("&lt;b&gt;&amp;&lt;/b&gt;");
        assertThat(TelegramHtmlChecker.visibleText(parts.get(0))).isEqualTo("Вы написали: " + typed);
    }

    @Test
    void rendersBoldItalicAndLinks() {
        List<String> parts = TelegramHtml.render(
                "**Сертификат** — это __просто__: [Навигатор](https://р71.навигатор.дети/?a=1&b=2)", LIMIT);

        assertThat(parts).containsExactly("<b>Сертификат</b> — это <i>просто</i>: "
                + "<a href=\"https://р71.навигатор.дети/?a=1&amp;b=2\">Навигатор</a>");
        TelegramHtmlChecker.assertSendable(parts.get(0));
    }

    @Test
    void keepsAShortTextInOneMessage() {
        String text = "a".repeat(LIMIT);

        assertThat(TelegramHtml.render(text, LIMIT)).containsExactly(text);
    }

    @Test
    void splitsALongTextBetweenParagraphs() {
        String paragraph = ("Абзац про кружки и секции. ").repeat(40).strip(); // ~1,080 characters
        String text = String.join("\n\n", List.of(paragraph, paragraph, paragraph, paragraph, paragraph, paragraph));

        List<String> parts = TelegramHtml.render(text, LIMIT);

        assertThat(parts).hasSizeGreaterThan(1);
        for (String part : parts) {
            TelegramHtmlChecker.assertSendable(part);
            // every message holds whole paragraphs only
            assertThat(part.split("\n\n")).allSatisfy(p -> assertThat(p).isEqualTo(paragraph));
        }
        assertThat(String.join("\n\n", parts)).isEqualTo(text);
    }

    @Test
    void splitsALongParagraphBetweenWords() {
        String text = "слово ".repeat(1000).strip(); // 5,999 characters, no line breaks

        List<String> parts = TelegramHtml.render(text, LIMIT);

        assertThat(parts).hasSize(2);
        for (String part : parts) {
            TelegramHtmlChecker.assertSendable(part);
            assertThat(part.split(" ")).containsOnly("слово");
        }
        assertThat(String.join(" ", parts)).isEqualTo(text);
    }

    @Test
    void cutsAWordWithNoSpaceHardAtTheLimit() {
        List<String> parts = TelegramHtml.render("ж".repeat(5000), LIMIT);

        assertThat(parts).extracting(String::length).containsExactly(LIMIT, 5000 - LIMIT);
    }

    @Test
    void neverSplitsInsideATag() {
        String bold = ("жирный текст ").repeat(400).strip(); // 5,199 characters
        String link = "ссылка ".repeat(700).strip();

        List<String> parts = TelegramHtml.render("**" + bold + "** и [" + link + "](https://example.org/a?b=1&c=2)", LIMIT);

        assertThat(parts).hasSizeGreaterThan(2);
        parts.forEach(TelegramHtmlChecker::assertSendable);
        assertThat(parts.get(0)).startsWith("<b>").endsWith("</b>");
        assertThat(parts.get(1)).startsWith("<b>");
        assertThat(parts.get(parts.size() - 1)).startsWith("<a href=\"https://example.org/a?b=1&amp;c=2\">").endsWith("</a>");
    }

    @Test
    void neverSplitsASurrogatePair() {
        // "a" first puts every emoji's high surrogate at an odd index, so index 4,095 is one
        String text = "a" + "😀".repeat(3000);

        List<String> parts = TelegramHtml.render(text, LIMIT);

        assertThat(parts).hasSize(2);
        for (String part : parts) {
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse();
            assertThat(Character.isLowSurrogate(part.charAt(0))).isFalse();
            assertThat(part.length()).isLessThanOrEqualTo(LIMIT);
        }
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    void emptyMarkupIsOneEmptyMessageWhichTheChannelReplaces() {
        assertThat(TelegramHtml.render("", LIMIT)).containsExactly("");
        assertThat(TelegramHtml.render(null, LIMIT)).containsExactly("");
    }

    @Test
    void anyMarkupRendersIntoMessagesTelegramAccepts() {
        Random random = new Random(42);
        String[] pieces = {"**", "__", "[", "](", ")", "https://x.ru/?a=1&b=2", "<", ">", "&", "\"", "\\", " ", "\n",
                "\n\n", "текст", "слово", "😀", "a", "javascript:alert(1)", "<b>", "&amp;"};
        for (int round = 0; round < 300; round++) {
            int limit = round % 3 == 0 ? LIMIT : 20 + random.nextInt(200);
            StringBuilder markup = new StringBuilder();
            int length = random.nextInt(round % 3 == 0 ? 6000 : 600);
            while (markup.length() < length) {
                markup.append(pieces[random.nextInt(pieces.length)]);
            }
            List<String> parts = TelegramHtml.render(markup.toString(), limit);
            String visibleText = parts.stream().map(TelegramHtmlChecker::visibleText).collect(Collectors.joining());
            for (String part : parts) {
                String visible = TelegramHtmlChecker.visibleText(part);
                assertThat(visible.length()).as("visible length of a part of %s", markup).isLessThanOrEqualTo(limit);
                if (parts.size() > 1) {
                    assertThat(visible).as("a part of %s", markup).isNotBlank();
                }
            }
            // nothing is lost but whitespace at the cuts
            assertThat(visibleText.replaceAll("\\s", ""))
                    .isEqualTo(Markup.plainText(markup.toString()).replaceAll("\\s", ""));
        }
    }
}
