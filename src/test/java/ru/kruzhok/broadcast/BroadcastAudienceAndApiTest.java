package ru.kruzhok.broadcast;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.parent.ParentProfiles;
import ru.kruzhok.parent.ParentProfiles.AudienceFilter;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.support.TestParents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Who an announcement reaches, the admin HTTP API, and the schedule by a controllable clock. */
class BroadcastAudienceAndApiTest extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired ParentProfiles parentProfiles;
    @Autowired Municipalities municipalities;
    @Autowired BroadcastOutbox outbox;
    @Autowired ObjectMapper json;
    @Autowired Broadcasts broadcasts;
    @Autowired ObjectProvider<SurveyNonRespondents> surveys;

    TestParents parents;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        parents = new TestParents(jdbc);
    }

    @AfterEach
    void tearDown() {
        parents.deleteAll();
    }

    @Test
    void eachAudienceFilterSelectsTheRightParents() {
        ChatAddress tsentrArtsSeven = parents.add(newChatId(), "tsentr", 7, true, "arts");
        ChatAddress tsentrSportsTwelve = parents.add(newChatId(), "tsentr", 12, true, "sports", "technical");
        ChatAddress zarechnyArtsNine = parents.add(newChatId(), "zarechny", 9, true, "arts");
        ChatAddress tsentrOff = parents.add(newChatId(), "tsentr", 7, false, "arts");
        Set<ChatAddress> mine = Set.of(tsentrArtsSeven, tsentrSportsTwelve, zarechnyArtsNine, tsentrOff);

        assertThat(select(new AudienceFilter(Set.of("tsentr"), null, null, null), mine))
                .containsExactlyInAnyOrder(tsentrArtsSeven, tsentrSportsTwelve);
        assertThat(select(new AudienceFilter(Set.of("tsentr", "zarechny"), null, null, null), mine))
                .containsExactlyInAnyOrder(tsentrArtsSeven, tsentrSportsTwelve, zarechnyArtsNine);
        assertThat(select(new AudienceFilter(null, 8, 12, null), mine))
                .containsExactlyInAnyOrder(tsentrSportsTwelve, zarechnyArtsNine);
        assertThat(select(new AudienceFilter(null, null, 7, null), mine)).containsExactly(tsentrArtsSeven);
        assertThat(select(new AudienceFilter(null, null, null, Set.of("arts")), mine))
                .containsExactlyInAnyOrder(tsentrArtsSeven, zarechnyArtsNine);
        assertThat(select(new AudienceFilter(null, null, null, Set.of("technical", "tourism")), mine))
                .containsExactly(tsentrSportsTwelve);
        assertThat(select(new AudienceFilter(Set.of("tsentr"), 5, 10, Set.of("arts")), mine))
                .containsExactly(tsentrArtsSeven);
        assertThat(select(new AudienceFilter(null, null, null, null), mine)).doesNotContain(tsentrOff);
    }

    @Test
    void adminApiCreatesReportsAndCancels() throws Exception {
        parents.add(newChatId(), "zarechny", 0, true, "tourism");
        parents.add(newChatId(), "zarechny", 0, true, "arts");
        String body = """
                {"text": "Поход выходного дня", "audience": {"municipality": "zarechny", "ages": [0, 0],
                 "directions": ["tourism"]}, "sendAt": "%s"}
                """.formatted(Instant.now().plus(Duration.ofDays(1)));
        HttpResponse<String> created = post("/api/admin/broadcasts", body);
        assertThat(created.statusCode()).isEqualTo(201);
        long id = json.readTree(created.body()).get("id").asLong();

        JsonNode status = json.readTree(get("/api/admin/broadcasts/" + id).body());
        assertThat(status.get("status").asString()).isEqualTo("scheduled");
        assertThat(status.get("total").asInt()).isEqualTo(1);
        assertThat(status.get("sent").asInt()).isZero();
        assertThat(status.has("blocked")).isTrue();
        assertThat(status.has("failed")).isTrue();

        HttpResponse<String> cancelled = post("/api/admin/broadcasts/" + id + "/cancel", "");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(json.readTree(cancelled.body()).get("status").asString()).isEqualTo("cancelled");
        assertThat(post("/api/admin/broadcasts/" + id + "/cancel", "").statusCode()).isEqualTo(409);
        assertThat(get("/api/admin/broadcasts/999999999").statusCode()).isEqualTo(404);

        HttpResponse<String> bad = post("/api/admin/broadcasts", """
                {"text": "x", "audience": {"municipality": "atlantis"}}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("error");
        assertThat(post("/api/admin/broadcasts", "{\"text\": \"  \"}").statusCode()).isEqualTo(400);
    }

    @Test
    void aScheduledBroadcastStartsWhenTheClockReachesSendAt() {
        Instant sendAt = Instant.parse("2100-01-01T10:00:00Z");
        ChatAddress parent = parents.add(newChatId(), "tsentr", 0, true);
        long id = broadcasts.create(new Broadcasts.Request("Новогоднее", new AudienceFilter(null, 0, 0, null),
                sendAt, "test"));

        assertThat(broadcastsAt(sendAt.minusSeconds(1)).startDue()).isZero();
        assertThat(broadcasts.report(id).orElseThrow().status()).isEqualTo("scheduled");

        assertThat(broadcastsAt(sendAt).startDue()).isEqualTo(1);
        // the running worker (real clock) takes it from here
        TELEGRAM.awaitMessages(Long.parseLong(parent.chatId()), 1);
        assertThat(TELEGRAM.messagesTo(Long.parseLong(parent.chatId())).get(0).text()).isEqualTo("Новогоднее");
    }

    private Broadcasts broadcastsAt(Instant now) {
        return new Broadcasts(jdbc, transactions, parentProfiles, municipalities, outbox, json,
                Clock.fixed(now, ZoneOffset.UTC), surveys);
    }

    private List<ChatAddress> select(AudienceFilter filter, Set<ChatAddress> mine) {
        return parentProfiles.audience(filter).stream().filter(mine::contains).toList();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
