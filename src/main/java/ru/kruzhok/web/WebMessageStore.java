package ru.kruzhok.web;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.ChatHistoryErased;
import tools.jackson.databind.ObjectMapper;

/** What the bot said in each web chat, in PostgreSQL so a page reload or a second instance sees it. */
@Component
class WebMessageStore {

    /** What a page asks for at most in one fetch. */
    static final int PAGE = 200;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    WebMessageStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long append(String chatId, WebMessage message) {
        Long id = jdbc.queryForObject("insert into web_message(chat_id, body, replaces) values (?, ?, ?) returning id",
                Long.class, chatId, json.writeValueAsString(message), message.replaces());
        return id == null ? 0 : id;
    }

    /** The parent's replies from now on start a fresh history; what the bot said before is gone. */
    @EventListener
    void onHistoryErased(ChatHistoryErased event) {
        if (WebChannel.NAME.equals(event.chat().channel())) {
            jdbc.update("delete from web_message where chat_id = ?", event.chat().chatId());
        }
    }

    /** The id of the bot's last message in the chat, or null. */
    Long lastId(String chatId) {
        List<Long> ids = jdbc.queryForList("select id from web_message where chat_id = ? order by id desc limit 1",
                Long.class, chatId);
        return ids.isEmpty() ? null : ids.get(0);
    }

    List<WebMessage> after(String chatId, long afterId) {
        return jdbc.query("select id, body from web_message where chat_id = ? and id > ? order by id limit " + PAGE,
                (rs, n) -> withId(json.readValue(rs.getString("body"), WebMessage.class), rs.getLong("id")),
                chatId, afterId);
    }

    private static WebMessage withId(WebMessage m, long id) {
        return new WebMessage(id, m.replaces(), m.spans(), m.buttons(), m.image(), m.fileName(), m.file());
    }
}
