package ru.kruzhok.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps callback data within Telegram's 64 bytes. The dialog engine already issues short tokens;
 * anything longer is swapped for a digest remembered here for a while, and a digest we no longer
 * remember comes back as itself, which the engine treats as a stale button.
 */
final class CallbackData {

    static final int LIMIT_BYTES = 64;
    private static final Logger log = LoggerFactory.getLogger(CallbackData.class);
    private static final String PREFIX = "~";

    private final Cache<String, String> longPayloads = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofDays(2))
            .build();

    String encode(String payload) {
        int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
        if (bytes <= LIMIT_BYTES && !payload.startsWith(PREFIX)) {
            return payload;
        }
        String token = PREFIX + digest(payload);
        longPayloads.put(token, payload);
        log.warn("A button payload of {} bytes was shortened; keep payloads short", bytes);
        return token;
    }

    String decode(String data) {
        if (data == null) {
            return "";
        }
        if (data.startsWith(PREFIX)) {
            String original = longPayloads.getIfPresent(data);
            return original == null ? data : original;
        }
        return data;
    }

    private static String digest(String payload) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
