package ru.kruzhok.faq;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the FAQ matcher ({@code kruzhok.faq.*}).
 *
 * @param high      confidence from which the bot answers outright
 * @param low       confidence below which the bot does not guess but offers a person; between the two
 *                  it asks «Возможно, вы имели в виду…» with the best topics as buttons
 * @param directory where staff keep the knowledge base; when it holds no *.yaml, the copy packaged in
 *                  the jar is used
 */
@ConfigurationProperties("kruzhok.faq")
record FaqProperties(@DefaultValue("0.40") double high, @DefaultValue("0.32") double low,
                     @DefaultValue("dialogs/faq") String directory) {

    FaqProperties {
        if (!(low >= 0 && low <= high && high <= 1)) {
            throw new IllegalStateException("kruzhok.faq: need 0 <= low <= high <= 1, got low=" + low + ", high=" + high);
        }
    }
}
