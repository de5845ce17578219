package ru.kruzhok.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kruzhok.channel.Channel;
import ru.kruzhok.channel.ChannelRegistry;
import ru.kruzhok.channel.Delivery;
import ru.kruzhok.channel.OutgoingFile;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;

/** A file sent to many chats (a broadcast's photo or document) is uploaded once and then sent by file_id. */
class TelegramFileReuseTest extends IntegrationTest {

    @Autowired
    ChannelRegistry channels;

    private Channel telegram() {
        return channels.find("telegram").orElseThrow();
    }

    @Test
    void theSameDocumentGoesUpOnceThenByItsFileId() {
        byte[] content = "Расписание на неделю".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Reply message = Reply.text("Расписание").withFile(OutgoingFile.document("schedule.txt", "text/plain", content));
        long first = newChatId();
        long second = newChatId();

        assertThat(telegram().deliver(String.valueOf(first), message).isSent()).isTrue();
        assertThat(telegram().deliver(String.valueOf(second), message).isSent()).isTrue();

        Call uploaded = TELEGRAM.messagesTo(first).get(0);
        Call byId = TELEGRAM.messagesTo(second).get(0);
        assertThat(uploaded.fileBytes("document")).isEqualTo(content);
        assertThat(byId.fileBytes("document")).isNull();
        assertThat(TELEGRAM.sentFile(byId, "document")).isEqualTo(content);
        assertThat(byId.text()).isEqualTo("Расписание");
    }

    @Test
    void aFileIdTelegramRefusesIsDroppedAndTheFileUploadedAgain() {
        byte[] photo = {1, 2, 3, 4};
        Reply message = Reply.text("Афиша").withFile(OutgoingFile.png("poster.png", photo));
        long first = newChatId();
        long second = newChatId();
        long third = newChatId();
        telegram().deliver(String.valueOf(first), message);
        TELEGRAM.forgetSentFiles();

        Delivery delivery = telegram().deliver(String.valueOf(second), message);
        telegram().deliver(String.valueOf(third), message);

        assertThat(delivery.isSent()).isTrue();
        List<Call> toSecond = TELEGRAM.messagesTo(second);
        assertThat(toSecond).extracting(Call::method).containsExactly("sendPhoto#400", "sendPhoto");
        assertThat(toSecond.get(0).fileBytes("photo")).isNull();
        assertThat(toSecond.get(1).fileBytes("photo")).isEqualTo(photo);
        // the new upload's id is used from then on
        Call toThird = TELEGRAM.messagesTo(third).get(0);
        assertThat(toThird.fileBytes("photo")).isNull();
        assertThat(TELEGRAM.sentFile(toThird, "photo")).isEqualTo(photo);
    }
}
