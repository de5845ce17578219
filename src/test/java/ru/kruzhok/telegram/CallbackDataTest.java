package ru.kruzhok.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CallbackDataTest {

    private final CallbackData callbackData = new CallbackData();

    @Test
    void shortPayloadsPassUnchanged() {
        assertThat(callbackData.encode("m:cert")).isEqualTo("m:cert");
        assertThat(callbackData.decode("m:cert")).isEqualTo("m:cert");
        String sixtyFourBytes = "ё".repeat(32);
        assertThat(callbackData.encode(sixtyFourBytes)).isEqualTo(sixtyFourBytes);
    }

    @Test
    void payloadsOver64BytesAreSwappedForTokensThatDecodeBack() {
        String ascii = "catalog.results:page=2;direction=technical;age=7;municipality=zarechny;cost=free";
        String cyrillic = "ё".repeat(33); // 33 characters, 66 bytes

        for (String payload : new String[] {ascii, cyrillic}) {
            String token = callbackData.encode(payload);
            assertThat(token.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
            assertThat(token).isNotEqualTo(payload);
            assertThat(callbackData.decode(token)).isEqualTo(payload);
            assertThat(callbackData.encode(payload)).as("the same payload gets the same token").isEqualTo(token);
        }
    }

    @Test
    void aShortPayloadThatLooksLikeATokenIsEncodedToo() {
        String token = callbackData.encode("~abc");

        assertThat(token).isNotEqualTo("~abc");
        assertThat(callbackData.decode(token)).isEqualTo("~abc");
    }

    @Test
    void aTokenNoLongerRememberedComesBackAsItselfForTheEngineToTreatAsStale() {
        assertThat(callbackData.decode("~unknownTokenFromAnOldMessage")).isEqualTo("~unknownTokenFromAnOldMessage");
        assertThat(new CallbackData().decode(callbackData.encode("x".repeat(100)))).startsWith("~");
        assertThat(callbackData.decode(null)).isEmpty();
    }
}
