package ru.kruzhok.web;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.UpdateDispatcher;

/**
 * The web chat's small JSON API. A browser gets an anonymous random identity once and keeps it in
 * local storage; that identity is the chat id, so it is as secret as a session cookie.
 */
@RestController
@RequestMapping("/api/web")
class WebChatController {

    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** Far above anything a parent types; stops a page from posting megabytes. */
    private static final int MAX_TEXT = 10_000;

    private final UpdateDispatcher dispatcher;
    private final WebMessageStore store;
    private final SecureRandom random = new SecureRandom();

    WebChatController(UpdateDispatcher dispatcher, WebMessageStore store) {
        this.dispatcher = dispatcher;
        this.store = store;
    }

    record Session(String session) {
    }

    record Send(String session, String text, String payload, String clientId, Long after) {
    }

    record Messages(List<WebMessage> messages) {
    }

    @PostMapping("/session")
    Session newSession() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return new Session(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @PostMapping("/messages")
    Messages send(@RequestBody Send send) throws Exception {
        String session = requireSession(send.session());
        String clientId = send.clientId() != null && CLIENT_ID.matcher(send.clientId()).matches()
                ? send.clientId() : UUID.randomUUID().toString();
        ChatAddress chat = new ChatAddress(WebChannel.NAME, session);
        String key = WebChannel.NAME + ":" + session + ":" + clientId;
        Incoming incoming;
        if (send.payload() != null) {
            if (send.payload().length() > 200) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "payload too long");
            }
            incoming = Incoming.button(key, chat, session, send.payload());
        } else {
            String text = send.text() == null ? "" : send.text();
            if (text.length() > MAX_TEXT) {
                throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "message too long");
            }
            incoming = Incoming.text(key, chat, session, text);
        }
        dispatcher.dispatch(incoming).get(20, TimeUnit.SECONDS);
        return new Messages(store.after(session, send.after() == null ? 0 : send.after()));
    }

    @GetMapping("/messages")
    Messages fetch(@RequestParam String session, @RequestParam(defaultValue = "0") long after) {
        return new Messages(store.after(requireSession(session), after));
    }

    private static String requireSession(String session) {
        if (session == null || !SESSION.matcher(session).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown session");
        }
        return session;
    }

}
