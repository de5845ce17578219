package ru.kruzhok.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.kruzhok.catalog.CatalogFixture.row;
import static ru.kruzhok.catalog.CatalogFixture.with;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import ru.kruzhok.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GET /api/programs and POST /api/admin/programs/import over real HTTP (design.md §3). */
class ProgramApiTest extends IntegrationTest {

    private static final String DISTRICT = "АПИ-тест";
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    record Response(int status, JsonNode body) {
    }

    private Response get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), json.readTree(r.body()));
    }

    private Response upload(String query, String fileName, byte[] content) throws IOException, InterruptedException {
        String boundary = "----kruzhok" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/admin/programs/import" + query))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), json.readTree(r.body()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private void importFixture() throws IOException, InterruptedException {
        byte[] csv = CatalogFixture.csv(';', List.of(
                with(row("api-1", "Бальные танцы «Вальс»"), "Район", DISTRICT, "Возраст от", "6", "Возраст до", "10"),
                with(row("api-2", "Футбольная секция «Гол»"), "Район", DISTRICT, "Направленность", "Физкультурно-спортивная",
                        "Возраст от", "8", "Возраст до", "16", "Оплата", "платно", "Стоимость", "2000"))).getBytes(StandardCharsets.UTF_8);
        Response r = upload("?full=false", "api.csv", csv);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("rejected").size()).isZero();
    }

    @Test
    void searchReturnsTotalAndProgramsWithApiNames() throws Exception {
        importFixture();
        Response r = get("/api/programs?municipality=tsentr&district=" + enc(DISTRICT) + "&direction=sports&age=8&cost=paid");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("total").asLong()).isEqualTo(1);
        JsonNode p = r.body().get("items").get(0);
        assertThat(p.get("externalId").asText()).isEqualTo("api-2");
        assertThat(p.get("title").asText()).isEqualTo("Футбольная секция «Гол»");
        assertThat(p.get("direction").asText()).isEqualTo("sports");
        assertThat(p.get("cost").asText()).isEqualTo("paid");
        assertThat(p.get("format").asText()).isEqualTo("in_person");
        assertThat(p.get("price").asInt()).isEqualTo(2000);
        assertThat(p.get("organisation").get("district").asText()).isEqualTo(DISTRICT);
        assertThat(p.get("url").asText()).endsWith("/program/api-2");
    }

    @Test
    void freeTextIsParsedLikeInTheChat() throws Exception {
        importFixture();
        Response r = get("/api/programs?municipality=tsentr&district=" + enc(DISTRICT) + "&q="
                + enc("танцы для 7 лет бесплатно"));
        assertThat(r.body().get("total").asLong()).isEqualTo(1);
        assertThat(r.body().get("items").get(0).get("externalId").asText()).isEqualTo("api-1");
        JsonNode applied = r.body().get("applied");
        assertThat(applied.get("age").asInt()).isEqualTo(7);
        assertThat(applied.get("cost").asText()).isEqualTo("free");
        assertThat(applied.get("direction").asText()).isEqualTo("arts");
        assertThat(applied.get("q").asText()).isEqualTo("танцы");
    }

    @Test
    void emptyResultSaysWhichFilterToRelax() throws Exception {
        importFixture();
        Response r = get("/api/programs?municipality=tsentr&district=" + enc(DISTRICT) + "&direction=sports&cost=free");
        assertThat(r.body().get("total").asLong()).isZero();
        assertThat(r.body().get("relaxSuggestion").get("filter").asText()).isEqualTo("cost");
        assertThat(r.body().get("relaxSuggestion").get("total").asLong()).isEqualTo(1);
    }

    @Test
    void badParametersAreJson400() throws Exception {
        for (String query : List.of("direction=cooking", "cost=barter", "age=seven", "municipality=atlantida", "size=0",
                "page=-1")) {
            Response r = get("/api/programs?" + query);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.body().get("error").asText()).as(query).isNotBlank();
        }
        assertThat(get("/api/programs?direction=cooking").body().get("error").asText())
                .contains("technical, science, arts, sports, tourism, social");
    }

    @Test
    void pageSizeIsCapped() throws Exception {
        Response r = get("/api/programs?size=1000");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("size").asInt()).isEqualTo(ProgramSearch.MAX_SIZE);
        assertThat(r.body().get("items").size()).isEqualTo(ProgramSearch.MAX_SIZE);
        assertThat(r.body().get("total").asLong()).isGreaterThan(ProgramSearch.MAX_SIZE);
    }

    @Test
    void importReportsCreatedUpdatedAndRejectedRows() throws Exception {
        byte[] first = CatalogFixture.csv(';', List.of(row("api-imp-1", "Кружок А"))).getBytes(StandardCharsets.UTF_8);
        Response created = upload("?full=false", "a.csv", first);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().get("created").asInt()).isEqualTo(1);
        assertThat(created.body().get("updated").asInt()).isZero();

        byte[] second = CatalogFixture.csv(';', List.of(row("api-imp-1", "Кружок А, новое название"),
                with(row("api-imp-2", "Кружок Б"), "Возраст от", "20", "Возраст до", "10"))).getBytes(StandardCharsets.UTF_8);
        Response refused = upload("?full=false", "b.csv", second);
        assertThat(refused.body().get("created").asInt()).isZero();
        assertThat(refused.body().get("updated").asInt()).isZero();
        assertThat(refused.body().get("rejected").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(refused.body().get("rejected").get(0).get("reason").asText()).isEqualTo("возраст от 20 больше, чем до 10");

        Response partial = upload("?full=false&partial=true", "b.csv", second);
        assertThat(partial.body().get("updated").asInt()).isEqualTo(1);
        assertThat(partial.body().get("rejected").size()).isEqualTo(1);
    }

    @Test
    void unusableFileIsJson400WithTheReason() throws Exception {
        Response r = upload("", "a.csv", "просто текст\nбез таблицы".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("error").asText()).contains("заголовков");
    }
}
