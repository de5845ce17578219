package ru.kruzhok.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kruzhok.channel.AlbumItem;
import ru.kruzhok.channel.Channel;
import ru.kruzhok.channel.ChannelRegistry;
import ru.kruzhok.channel.Delivery;
import ru.kruzhok.channel.OutgoingFile;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.support.FakeTelegramServer.AlbumPhoto;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;

/** How the Telegram channel sends a {@link Reply#album()}: within Telegram's 2–10 photos per album. */
class TelegramAlbumTest extends IntegrationTest {

    @Autowired
    ChannelRegistry channels;

    private Channel telegram() {
        return channels.find("telegram").orElseThrow();
    }

    private static List<AlbumItem> images(int n) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> new AlbumItem(OutgoingFile.png("c.png", new byte[] {(byte) i, 42}), i + ". **Вопрос** " + i))
                .toList();
    }

    @Test
    void twentyOneImagesMakeThreeAlbumsOfSevenWithTheirCaptionsAndBytes() {
        long chat = newChatId();
        Delivery delivery = telegram().deliver(String.valueOf(chat), Reply.album("Итоги", images(21)));

        assertThat(delivery.isSent()).isTrue();
        List<Call> sent = TELEGRAM.messagesTo(chat);
        assertThat(sent).extracting(Call::method)
                .containsExactly("sendMessage", "sendMediaGroup", "sendMediaGroup", "sendMediaGroup");
        assertThat(sent.subList(1, 4)).allSatisfy(c -> assertThat(c.album()).hasSize(7));
        List<AlbumPhoto> photos = sent.stream().skip(1).flatMap(c -> c.album().stream()).toList();
        assertThat(photos.get(0).caption()).isEqualTo("1. <b>Вопрос</b> 1");
        assertThat(photos.get(20).content()).containsExactly(21, 42);
        assertThat(delivery.messageId()).isEqualTo(String.valueOf(TELEGRAM.lastMessageId(chat)));
    }

    @Test
    void aSingleImageWithoutTextIsOnePlainPhoto() {
        long chat = newChatId();
        telegram().deliver(String.valueOf(chat), Reply.album("", images(1)));

        List<Call> sent = TELEGRAM.messagesTo(chat);
        assertThat(sent).extracting(Call::method).containsExactly("sendPhoto");
        assertThat(sent.get(0).text()).isEqualTo("1. <b>Вопрос</b> 1");
        assertThat(sent.get(0).fileBytes("photo")).containsExactly(1, 42);
    }

    @Test
    void anAlbumRetriedAfterA429IsUploadedWhole() {
        long chat = newChatId();
        TELEGRAM.rateLimitNext("sendMediaGroup", String.valueOf(chat), 1);

        Delivery delivery = telegram().deliver(String.valueOf(chat), Reply.album("", images(3)));

        assertThat(delivery.isSent()).isTrue();
        List<Call> albums = TELEGRAM.await(all -> all.stream().anyMatch(c -> c.method().equals("sendMediaGroup")
                && String.valueOf(chat).equals(c.chatId())), Duration.ofSeconds(5)).stream()
                .filter(c -> c.method().equals("sendMediaGroup") && String.valueOf(chat).equals(c.chatId())).toList();
        assertThat(albums).hasSize(1);
        assertThat(albums.get(0).album()).extracting(AlbumPhoto::content)
                .containsExactly(new byte[] {1, 42}, new byte[] {2, 42}, new byte[] {3, 42});
    }
}
