package ru.kruzhok.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TextTemplatesTest {

    private static final String HANDOVER = """
            Я не нашёл точного ответа на этот вопрос 🙈 Передать его специалисту {moc.name}? Ответ придёт сюда же.
            Специалисты работают: {moc.hours}.""";

    @Test
    void aSentenceWhoseValueIsUnknownIsLeftOutWithItsLine() {
        String text = TextTemplates.fill(HANDOVER, Map.of("moc.name", "МОЦ вашего района", "moc.hours", "")::get);
        assertThat(text).isEqualTo("Я не нашёл точного ответа на этот вопрос 🙈 Передать его специалисту МОЦ вашего района? "
                + "Ответ придёт сюда же.");
    }

    @Test
    void onlyTheSentenceGoesWhenTheLineHasOthers() {
        String text = TextTemplates.fill("Передал ✅ Специалист ответит здесь же, в рабочее время. Часы работы: {moc.hours}.\n"
                + "Если срочно: {moc.phones}", Map.of("moc.hours", "", "moc.phones", "+7 900")::get);
        assertThat(text).isEqualTo("Передал ✅ Специалист ответит здесь же, в рабочее время.\nЕсли срочно: +7 900");
    }

    @Test
    void knownValuesFillInPlaceAndUnknownNamesStayAsWritten() {
        assertThat(TextTemplates.fill("Часы: {moc.hours}. Сайт: {navigator.url}. {nope}",
                Map.of("moc.hours", "пн–пт 9:00–18:00", "navigator.url", "https://р19.навигатор.дети")::get))
                .isEqualTo("Часы: пн–пт 9:00–18:00. Сайт: https://р19.навигатор.дети. {nope}");
    }

    @Test
    void fillExactlyKeepsASentenceWhoseOptionalPartIsEmpty() {
        String progress = "Заблокировали бота: {blocked} · ошибки: {failed}{skipped}\nОсталось: {left}";
        assertThat(TextTemplates.fillExactly(progress, Map.of("blocked", "0", "failed", "1", "skipped", "", "left", "5 с")::get))
                .isEqualTo("Заблокировали бота: 0 · ошибки: 1\nОсталось: 5 с");
        assertThat(TextTemplates.fillExactly("{a} и {nope}", Map.of("a", "А")::get)).isEqualTo("А и {nope}");
    }
}
