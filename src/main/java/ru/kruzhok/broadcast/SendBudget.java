package ru.kruzhok.broadcast;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import ru.kruzhok.channel.ChannelRegistry;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.SendCounter;
import ru.kruzhok.channel.SendLimit;

/**
 * How fast the bot may write, per channel, as Bucket4j token buckets: each channel (telegram, max,
 * vk, web) has its own budget, at the limits the channel declares ({@code Channel#sendLimit()}) or
 * configuration overrides, shared by all instances.
 *
 * <p>The global bucket of a channel lives in PostgreSQL (table {@code broadcast_rate_bucket}, one
 * row per channel and configuration), so every instance draws from one budget: a token is taken in
 * a short {@code SELECT … FOR UPDATE} transaction on that row. Bulk senders wait for a token
 * (a reservation: the bucket goes into debt and each waiter sleeps until its turn, no polling);
 * replies to people chatting take theirs without waiting ({@link #interactive}), which pushes bulk
 * sending back instead of the reply. A 429 puts the bucket into debt for {@code retry_after}, so
 * every instance pauses. The bucket holds one token at most: no burst, so no second ever carries
 * more than {@code perSecond - headroom} bulk messages plus one.
 *
 * <p>The per-chat pace (Telegram: one message a second to one chat) is kept in local buckets:
 * one broadcast writes to a chat once, so this only spaces out overlapping broadcasts.
 */
public class SendBudget implements SendCounter {

    private static final Logger log = LoggerFactory.getLogger(SendBudget.class);
    /** The longest a sender sleeps on one reservation; longer waits (after a 429) are slept in steps. */
    private static final Duration MAX_RESERVATION = Duration.ofSeconds(2);

    private final BroadcastProperties properties;
    private final ObjectProvider<ChannelRegistry> channels;
    private final ProxyManager<String> shared;
    private final Map<String, SendLimit> overrides = new ConcurrentHashMap<>();
    private final Map<String, Bucket> global = new ConcurrentHashMap<>();
    private final Map<String, Long> pausedUntil = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> interactiveSinceFlush = new ConcurrentHashMap<>();
    private final Cache<String, Bucket> perChat = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(1))
            .maximumSize(200_000)
            .build();

    SendBudget(BroadcastProperties properties, DataSource dataSource, ObjectProvider<ChannelRegistry> channels) {
        this.properties = properties;
        this.channels = channels;
        this.shared = properties.sharedBudget()
                ? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                        .primaryKeyMapper(PrimaryKeyMapper.STRING)
                        .table("broadcast_rate_bucket")
                        .idColumn("id")
                        .stateColumn("state")
                        .build()
                : null;
    }

    /** The limits in force for a channel. */
    public SendLimit limit(String channel) {
        SendLimit override = overrides.get(channel);
        if (override != null) {
            return override;
        }
        ChannelRegistry registry = channels.getIfAvailable();
        return properties.limit(channel, registry == null ? SendLimit.web() : registry.sendLimit(channel));
    }

    /**
     * Replaces a channel's limits at run time (tests, the benchmark, an operator slowing sending
     * down); {@code null} goes back to the configured ones.
     */
    public void override(String channel, SendLimit limit) {
        if (limit == null) {
            overrides.remove(channel);
        } else {
            overrides.put(channel, limit);
        }
        global.remove(channel);
    }

    /**
     * Waits for a bulk-send token of {@code channel}. Returns false, without a token, when
     * {@code stopping} turns true while waiting.
     */
    boolean acquire(String channel, BooleanSupplier stopping) throws InterruptedException {
        while (!stopping.getAsBoolean()) {
            // replies counted since the last flush go first, so a bulk send never takes their slot
            flushInteractive(channel);
            Bucket bucket = bucket(channel);
            if (bucket.asBlocking().tryConsume(1, MAX_RESERVATION)) {
                return true;
            }
            // in debt for longer than one reservation (a 429 pause): sleep part of it and ask again
            long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            Thread.sleep(Math.max(10, Math.min(Duration.ofNanos(nanos).toMillis(), 1000)));
        }
        return false;
    }

    /**
     * A reply to someone chatting: counted against the budget, never delayed by it. Only counted in
     * memory here; the counts reach the shared bucket before this instance's next bulk send, and every
     * 100 ms in the background,
     * because taking the bucket's PostgreSQL row lock on every reply serialised all replies
     * (the dispatcher benchmark saturated at ~480 updates/s on that one row).
     */
    @Override
    public void interactive(String channel) {
        interactiveSinceFlush.computeIfAbsent(channel, c -> new AtomicLong()).incrementAndGet();
    }

    /** Charges the replies counted since the last flush to their channels' buckets; runs every 100 ms. */
    @Scheduled(fixedDelay = 100)
    void flushInteractive() {
        interactiveSinceFlush.keySet().forEach(this::flushInteractive);
    }

    private void flushInteractive(String channel) {
        AtomicLong count = interactiveSinceFlush.get(channel);
        long n = count == null ? 0 : count.getAndSet(0);
        if (n > 0) {
            try {
                bucket(channel).consumeIgnoringRateLimits(n);
            } catch (RuntimeException e) {
                // bookkeeping only: a database blip must not stop the flusher
                log.debug("Could not charge {} replies to the {} budget: {}", n, channel, e.toString());
            }
        }
    }

    /**
     * The platform said "too many requests": nobody writes to the channel for {@code retryAfter}.
     * Sends already under way when the first 429 came answer 429 too; they belong to the same pause
     * and must not lengthen it, so a pause is taken once per {@code retryAfter} (per instance).
     */
    void penalize(String channel, Duration retryAfter) {
        long now = System.nanoTime();
        long[] taken = {0};
        pausedUntil.compute(channel, (c, until) -> {
            if (until != null && until - now > 0) {
                return until;
            }
            taken[0] = 1;
            return now + retryAfter.toNanos();
        });
        if (taken[0] == 0) {
            return;
        }
        long tokens = (long) Math.ceil(limit(channel).budgetPerSecond() * retryAfter.toMillis() / 1000.0);
        bucket(channel).consumeIgnoringRateLimits(Math.max(1, tokens));
    }

    /** Zero when a bulk message may go to the chat now, else how long to put it off. */
    Duration perChatWait(ChatAddress chat) {
        Duration interval = limit(chat.channel()).perChat();
        if (interval.isZero()) {
            return Duration.ZERO;
        }
        Bucket bucket = perChat.get(chat.key(), key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(1).refillGreedy(1, interval).build())
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    private Bucket bucket(String channel) {
        return global.computeIfAbsent(channel, this::newBucket);
    }

    private Bucket newBucket(String channel) {
        SendLimit limit = limit(channel);
        long periodNanos = Math.max(1, Math.round(1_000_000_000d / limit.budgetPerSecond()));
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(1).refillGreedy(1, Duration.ofNanos(periodNanos)).build())
                .build();
        if (shared == null) {
            return Bucket.builder().addLimit(configuration.getBandwidths()[0]).build();
        }
        // The configuration is part of the key: instances with the same limits share a row, and a
        // changed limit starts a fresh row instead of fighting over the stored configuration.
        String key = channel + "@" + limit.fingerprint();
        log.debug("Send budget of {} is shared through PostgreSQL as {}", channel, key);
        return shared.builder().build(key, () -> configuration);
    }
}
