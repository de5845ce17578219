package ru.kruzhok.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import ru.kruzhok.support.IntegrationTest;

/** {@code GET /api/faq/match} on the running application, with the municipalities of config/application.yml. */
class FaqApiTest extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpResponse<String> get(String query) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/faq/match" + query)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void answersWithTheTopicConfidenceAnswerAndAlternativesOfTheParentsMunicipality() throws Exception {
        HttpResponse<String> r = get("?q=" + q("скока денег на сертефикате") + "&municipality=zarechny");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("kind", "topic", "confidence", "answer", "alternatives", "search");
        assertThat(body.get("kind").asText()).isEqualTo("answer");
        assertThat(body.get("search").isNull()).isTrue();
        assertThat(body.get("topic").asText()).isEqualTo("certificate.nominal");
        assertThat(body.get("confidence").asDouble()).isBetween(0.6, 1.0);
        assertThat(body.get("answer").asText()).contains("6 000 ₽").doesNotContain("{");
        assertThat(body.get("alternatives").isArray()).isTrue();
        body.get("alternatives").forEach(a -> {
            assertThat(a.get("topic").asText()).isNotBlank();
            assertThat(a.get("confidence").asDouble()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void contactsComeFromTheMunicipalityAndNeutralWordsWhenItIsUnknown() throws Exception {
        JsonNode tsentr = JSON.readTree(get("?q=" + q("телефон моц") + "&municipality=tsentr").body());
        assertThat(tsentr.get("topic").asText()).isEqualTo("moc.contacts");
        assertThat(tsentr.get("answer").asText()).contains("+7 (900) 100-20-30", "ул. Ленина, 12", "moc.tsentr@example.ru");

        JsonNode unknown = JSON.readTree(get("?q=" + q("телефон моц")).body());
        assertThat(unknown.get("topic").asText()).isEqualTo("moc.contacts");
        assertThat(unknown.get("answer").asText()).contains("выберете свой район").doesNotContain("{", "Ленина");
    }

    @Test
    void outOfScopeQuestionHasANullTopic() throws Exception {
        HttpResponse<String> r = get("?q=" + q("как встать в очередь в детский сад"));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.has("topic")).isTrue();
        assertThat(body.get("topic").isNull()).isTrue();
        assertThat(body.get("confidence").asDouble()).isLessThan(0.35);
        assertThat(body.get("answer").asText()).contains("специалисту");
    }

    @Test
    void aSearchPhraseIsASearchWithTheFiltersItNames() throws Exception {
        JsonNode body = JSON.readTree(get("?q=" + q("волейбол 10 лет бесплатно")).body());
        assertThat(body.get("kind").asText()).isEqualTo("search");
        assertThat(body.get("topic").asText()).isEqualTo("program.search");
        assertThat(body.get("search").get("direction").asText()).isEqualTo("sports");
        assertThat(body.get("search").get("age").asInt()).isEqualTo(10);
        assertThat(body.get("search").get("cost").asText()).isEqualTo("free");
        assertThat(body.get("search").get("text").asText()).isEqualTo("волейбол");
    }

    @Test
    void aCertificateQuestionWithAnAgeOrAnActivityIsNotASearch() throws Exception {
        for (String question : new String[] {"как записаться на робототехнику по сертификату", "в 4 года сертификат дают?"}) {
            JsonNode body = JSON.readTree(get("?q=" + q(question)).body());
            assertThat(body.get("kind").asText()).as(question).isIn("answer", "guess");
            assertThat(body.get("search").isNull()).as(question).isTrue();
        }
    }

    @Test
    void anotherPublicServiceIsHandedOverNotAnsweredAsACertificateQuestion() throws Exception {
        JsonNode body = JSON.readTree(get("?q=" + q("как получить материнский капитал")).body());
        assertThat(body.get("kind").asText()).isEqualTo("handover");
        assertThat(body.get("topic").isNull()).isTrue();
    }

    @Test
    void missingOrBlankQuestionIsAJsonBadRequest() throws Exception {
        for (String query : new String[] {"", "?q=", "?q=%20%20", "?municipality=tsentr"}) {
            HttpResponse<String> r = get(query);
            assertThat(r.statusCode()).as(query).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("error").asText()).contains("q");
        }
    }

    @Test
    void overlongQuestionIsCutNotRejected() throws Exception {
        HttpResponse<String> r = get("?q=" + q("как получить сертификат " + "а".repeat(3000)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("confidence").asDouble()).isBetween(0.0, 1.0);
    }
}
