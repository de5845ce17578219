package ru.kruzhok.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kruzhok.channel.AlbumItem;
import ru.kruzhok.channel.ChannelRegistry;
import ru.kruzhok.channel.OutgoingFile;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.support.IntegrationTest;

/** The web chat has no album widget: an album arrives as the text, then one captioned image message each. */
class WebAlbumTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ChannelRegistry channels;

    @Test
    void anAlbumIsShownAsTheTextFollowedByEachImageWithItsCaption() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String session = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/web/session"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body())
                .get("session").asText();
        byte[] first = {1, 2, 3};
        byte[] second = {4, 5, 6};

        channels.find(WebChannel.NAME).orElseThrow().deliver(session, Reply.album("**Итоги**", List.of(
                new AlbumItem(OutgoingFile.png("a.png", first), "1. Первый вопрос"),
                new AlbumItem(OutgoingFile.png("b.png", second), "2. Второй вопрос"))));

        JsonNode messages = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                + "/api/web/messages?session=" + session + "&after=0")).build(), HttpResponse.BodyHandlers.ofString())
                .body()).get("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0).get("spans").get(0).get("text").asText()).isEqualTo("Итоги");
        assertThat(messages.get(0).hasNonNull("image")).isFalse();
        assertThat(messages.get(1).get("spans").get(0).get("text").asText()).isEqualTo("1. Первый вопрос");
        assertThat(messages.get(1).get("image").asText())
                .isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(first));
        assertThat(messages.get(2).get("spans").get(0).get("text").asText()).isEqualTo("2. Второй вопрос");
        assertThat(messages.get(2).get("image").asText())
                .isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(second));
    }
}
