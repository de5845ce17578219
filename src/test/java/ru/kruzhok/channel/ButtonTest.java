package ru.kruzhok.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ButtonTest {

    @Test
    void aLinkToAnAddressInRussianLettersOpensTheSameSiteInAscii() {
        assertThat(Button.link("Навигатор", "https://навигатор.дети/program/5?from=bot").url())
                .isEqualTo("https://xn--80aafey1amqq.xn--d1acj3b/program/5?from=bot");
        assertThat(Button.link("Сайт", "https://example.ru/a").url()).isEqualTo("https://example.ru/a");
    }
}
