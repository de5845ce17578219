package ru.kruzhok.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.support.FakeTelegramServer.AlbumPhoto;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.survey.SurveyResponses.Progress;
import ru.kruzhok.survey.SurveyResponses.Respondent;

/**
 * /results in Telegram through the real TelegramBots client: staff get the summary and the charts as
 * albums (sendMediaGroup, at most 10 photos each, a caption per photo); a parent gets nothing
 * staff-like. Responses are put in a municipality of their own, so other tests' answers do not count.
 */
class ResultsTelegramTest extends IntegrationTest {

    @Autowired
    SurveyCatalog catalog;
    @Autowired
    SurveyResponses responses;

    /** Answers the shipped survey to the end; "a+b" for a multiple choice, "-" skips an optional question. */
    private void answer(String municipality, Map<String, String> given) {
        Survey s = catalog.find("satisfaction").orElseThrow();
        ChatAddress chat = new ChatAddress("telegram", String.valueOf(newChatId()));
        Progress p = responses.start(s, new Respondent(chat, "", null, municipality)).progress();
        while (!p.completed()) {
            String value = given.getOrDefault(p.current(), "-");
            if (value.equals("-")) {
                p = responses.skip(p);
            } else if (s.question(p.current()).orElseThrow().kind() == Survey.Kind.MULTI) {
                for (String option : value.split("\\+")) {
                    responses.toggle(p, option);
                }
                p = responses.finishMulti(p);
            } else {
                p = responses.answer(p, value);
            }
        }
    }

    private static final Map<String, String> HAPPY = Map.ofEntries(Map.entry("certificate", "Да, пользуемся"),
            Map.entry("navigator", "Да"), Map.entry("enrolment", "5"), Map.entry("directions", "Техническое"),
            Map.entry("attends", "Да"), Map.entry("schedule", "4"), Map.entry("teaching", "5"),
            Map.entry("facilities", "3"), Map.entry("disabilities", "Частично"), Map.entry("overall", "5"),
            Map.entry("nps", "10"), Map.entry("missing", "Всё хорошо"));
    private static final Map<String, String> UNHAPPY = Map.of("certificate", "Нет, не знаю", "navigator", "Нет",
            "directions", "Всего хватает", "attends", "Нет", "disabilities", "Да, доступны", "overall", "3", "nps", "5");

    @Test
    void staffGetTheSummaryAndEveryChartAsCaptionedPngsInAlbumsOfAtMostTen() throws Exception {
        String municipality = "r" + UUID.randomUUID().toString().substring(0, 8);
        answer(municipality, HAPPY);
        answer(municipality, UNHAPPY);
        answer(municipality, HAPPY);
        int charts = (int) catalog.find("satisfaction").orElseThrow().questions().stream()
                .filter(q -> q.kind() != Survey.Kind.TEXT).count();
        assertThat(charts).isGreaterThan(10); // so the charts need two albums

        int before = TELEGRAM.messagesTo(ADMIN_TELEGRAM_ID).size();
        TELEGRAM.sendText(ADMIN_TELEGRAM_ID, "/results satisfaction " + municipality);
        TELEGRAM.await(all -> TELEGRAM.messagesTo(ADMIN_TELEGRAM_ID).stream().skip(before)
                .filter(c -> c.method().equals("sendMediaGroup")).count() == 2, Duration.ofSeconds(20));
        TELEGRAM.awaitPollerIdle();
        List<Call> sent = TELEGRAM.messagesTo(ADMIN_TELEGRAM_ID).subList(before, TELEGRAM.messagesTo(ADMIN_TELEGRAM_ID).size());

        assertThat(sent).extracting(Call::method).containsExactly("sendMessage", "sendMediaGroup", "sendMediaGroup");
        assertThat(sent.get(0).text()).contains("Удовлетворённость", "Ответов: 3");
        List<AlbumPhoto> photos = sent.stream().skip(1).flatMap(c -> c.album().stream()).toList();
        assertThat(sent.get(1).album().size() + sent.get(2).album().size()).isEqualTo(charts);
        assertThat(sent.subList(1, 3)).allSatisfy(album -> assertThat(album.album()).hasSizeBetween(2, 10));
        assertThat(photos).allSatisfy(photo -> {
            assertThat(photo.type()).isEqualTo("photo");
            assertThat(photo.content()).as("uploaded bytes").isNotNull();
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo.content()));
            assertThat(image).as("a decodable PNG").isNotNull();
            assertThat(image.getWidth()).isEqualTo(SurveyCharts.WIDTH);
            assertThat(image.getHeight()).isBetween(ru.kruzhok.sheet.BarChart.MIN_HEIGHT, ru.kruzhok.sheet.BarChart.MAX_HEIGHT);
        });
        // each photo is captioned with its question, numbered as in the survey
        assertThat(photos.get(0).caption()).startsWith("1. ").contains("сертификат");
        assertThat(photos).extracting(AlbumPhoto::caption).doesNotHaveDuplicates()
                .allSatisfy(caption -> assertThat(caption).matches("\\d+\\. .+"));
    }

    @Test
    void anUnknownSurveyGetsTheListOfKnownOnes() {
        int before = TELEGRAM.messagesTo(ADMIN_TELEGRAM_ID).size();
        TELEGRAM.sendText(ADMIN_TELEGRAM_ID, "/results no-such-survey");
        Call reply = TELEGRAM.awaitMessages(ADMIN_TELEGRAM_ID, before + 1).get(before);
        assertThat(reply.text()).contains("«no-such-survey» не найден", "satisfaction", "Удовлетворённость");
        TELEGRAM.awaitPollerIdle();
        assertThat(TELEGRAM.messagesTo(ADMIN_TELEGRAM_ID)).hasSize(before + 1);
    }

    @Test
    void aParentTypingResultsGetsTheUnknownCommandReplyAndNoCharts() {
        long parent = newChatId();
        TELEGRAM.sendText(parent, "/nosuchcommand");
        Call unknown = TELEGRAM.awaitMessages(parent, 1).get(0);
        TELEGRAM.sendText(parent, "/results satisfaction");
        Call reply = TELEGRAM.awaitMessages(parent, 2).get(1);
        TELEGRAM.awaitPollerIdle();

        assertThat(reply.method()).isEqualTo(unknown.method());
        assertThat(reply.text()).isEqualTo(unknown.text());
        assertThat(TELEGRAM.messagesTo(parent)).hasSize(2)
                .noneMatch(c -> c.method().equals("sendMediaGroup") || c.method().equals("sendPhoto"));
    }
}
