package ru.kruzhok.staff;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.github.bucket4j.TimeMeter;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Reply;

/**
 * Per-chat flood control. A chat that sends more than N messages in W seconds gets one polite
 * «помедленнее» and is then ignored until it calms down, i.e. until its bucket has refilled to half:
 * messages sent while silenced still drain the bucket, so a chat that keeps flooding stays silent
 * and gets no second warning.
 *
 * <p>O(1) and lock-free per update (a Caffeine lookup and a Bucket4j CAS); it runs on the chat's
 * own dispatcher turn, so a flood costs other chats nothing. Buckets of quiet chats expire. Time is
 * the injected clock's, so a test can let a chat calm down without waiting. The limit is
 * {@link FloodProperties} ({@code kruzhok.flood}); {@link #limit} changes it at run time (tests).
 */
@Component
class FloodControl {

    static final String SLOW_DOWN = "Пожалуйста, помедленнее 🙏 Я отвечу, как только сообщения перестанут приходить "
            + "так часто.";

    /** A chat's bucket, silence, and the limit the bucket was made with. */
    private record ChatState(Bucket bucket, AtomicBoolean silenced, FloodProperties limit) {
    }

    private final FloodProperties properties;
    /** The limit new buckets get: the configured one unless {@link #limit} changed it. */
    private volatile FloodProperties current;
    private final Cache<String, ChatState> chats;
    private final Counter dropped;
    private final TimeMeter time;

    FloodControl(FloodProperties properties, MeterRegistry meters, Clock clock) {
        this.properties = properties;
        this.current = properties;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                java.time.Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        // Twice the window: a chat idle that long has a full bucket anyway, so forgetting it is exact.
        this.chats = Caffeine.newBuilder()
                .expireAfter(new Expiry<String, ChatState>() {
                    @Override
                    public long expireAfterCreate(String key, ChatState value, long now) {
                        return idle(value);
                    }

                    @Override
                    public long expireAfterUpdate(String key, ChatState value, long now, long left) {
                        return idle(value);
                    }

                    @Override
                    public long expireAfterRead(String key, ChatState value, long now, long left) {
                        return idle(value);
                    }
                })
                .maximumSize(200_000)
                .ticker(() -> time.currentTimeNanos())
                .build();
        this.dropped = Counter.builder("kruzhok.flood.dropped").description("Updates dropped by flood control")
                .register(meters);
    }

    /**
     * From now on new buckets get this limit ({@code null}: the configured one again), and every
     * chat starts afresh. For tests: the test configuration raises the limit so conversation tests
     * may go as fast as the bot answers, and the flood control test puts the real default back.
     */
    void limit(FloodProperties limit) {
        current = limit == null ? properties : limit;
        chats.invalidateAll();
    }

    /** The limit new buckets get now. */
    FloodProperties limit() {
        return current;
    }

    private static long idle(ChatState state) {
        return state.limit().window().multipliedBy(2).plus(Duration.ofSeconds(1)).toNanos();
    }

    /** Empty to let the update through; otherwise what to answer instead (often nothing). */
    Optional<List<Reply>> check(Incoming incoming) {
        ChatState state = chats.get(incoming.chat().key(), key -> {
            FloodProperties limit = current;
            return new ChatState(newBucket(limit), new AtomicBoolean(), limit);
        });
        Bucket bucket = state.bucket();
        if (state.silenced().get()) {
            if (bucket.getAvailableTokens() * 2 >= state.limit().messages()) {
                state.silenced().set(false); // calmed down
            } else {
                bucket.tryConsume(1); // still flooding: keep the bucket drained
                dropped.increment();
                return Optional.of(List.of());
            }
        }
        if (bucket.tryConsume(1)) {
            return Optional.empty();
        }
        dropped.increment();
        boolean firstOfThisFlood = state.silenced().compareAndSet(false, true);
        // Only a person in a private chat is asked to slow down; a noisy group is just ignored.
        return Optional.of(firstOfThisFlood && incoming.isPrivate() ? List.of(Reply.text(SLOW_DOWN)) : List.of());
    }

    private Bucket newBucket(FloodProperties limit) {
        return Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(limit.messages())
                        .refillGreedy(limit.messages(), limit.window()).build())
                .build();
    }
}
