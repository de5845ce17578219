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
import ru.kruzhok.channel.SendCounter.Permit;
import ru.kruzhok.channel.SendLimit;

/**
 * How fast the bot may write, per channel, as Bucket4j token buckets: each channel (telegram, max,
 * vk, web) has its own budget, at the limits the channel declares ({@code Channel#sendLimit()}) or
 * configuration overrides, shared by all instances.
 *
 * <p>The global bucket of a channel lives in PostgreSQL (table {@code broadcast_rate_bucket}, one
 * row per channel and configuration), so every instance draws from one budget: a token is taken in
 * a short {@code SELECT … FOR UPDATE} transaction on that row. Bulk senders wait for a token
 * (a reservation: the bucket goes into debt and each waiter sleeps until its turn, no polling), but
 * book at most {@link #BULK_AHEAD} tokens ahead, so a reply never queues behind a long line of them.
 * Replies to people chatting on MAX and VK book the next free token too
 * ({@link #interactive}): those platforms count requests in any sliding second, and a reply
 * sent on top of the booked bulk slots went over that limit (58 «too many requests» in the MAX
 * benchmark); the reply waits at most a few tokens (~0.1 s). A 429 puts the bucket into debt for
 * {@code retry_after}, so every instance pauses. The bucket holds one token at most: no burst, so
 * no second ever carries more than {@code perSecond - headroom} messages.
 *
 * <p>The per-chat pace (Telegram: one message a second to one chat) is kept in local buckets:
 * one broadcast writes to a chat once, so this only spaces out overlapping broadcasts.
 */
public class SendBudget implements SendCounter {

    private static final Logger log = LoggerFactory.getLogger(SendBudget.class);
    /** Tokens bulk senders book ahead: enough to keep the pace exact, few enough that a reply waits little. */
    private static final int BULK_AHEAD = 3;
    /** The longest a reply waits for its token; after that (a 429 pause) it goes and the channel handles a refusal. */
    private static final Duration REPLY_WAIT = Duration.ofSeconds(1);
    /**
     * Channels allowing more than this (the web chat writes to our own database) only count replies
     * in memory: one row lock per reply there serialised all replies (the dispatcher benchmark
     * saturated at ~480 updates/s). At a platform's tens a second the lock costs nothing.
     */
    private static final double BOOKED_REPLIES_BELOW = 100;
    /**
     * A headroom of a message a second or more (Telegram's 1.3) carries the replies of people
     * chatting, so they are only counted; where it is only clock jitter (MAX, VK) they book a token.
     * Booking replies on Telegram made every second message of a two-message reply wait ~35 ms.
     */
    private static final double HEADROOM_CARRYING_REPLIES = 1;

    private final BroadcastProperties properties;
    private final ObjectProvider<ChannelRegistry> channels;
    private final ProxyManager<String> shared;
    private final Map<String, SendLimit> overrides = new ConcurrentHashMap<>();
    private final Map<String, Bucket> global = new ConcurrentHashMap<>();
    private final Map<String, SendWindow> windows = new ConcurrentHashMap<>();
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
        windows.remove(channel);
    }

    /**
     * Waits for a bulk-send token of {@code channel}; close the permit when the platform has
     * answered the send. Returns null, without a token, when {@code stopping} turns true while waiting.
     */
    Permit acquire(String channel, BooleanSupplier stopping) throws InterruptedException {
        while (!stopping.getAsBoolean()) {
            // replies counted since the last flush go first, so a bulk send never takes their slot
            flushInteractive(channel);
            Bucket bucket = bucket(channel);
            Duration ahead = bulkAhead(channel);
            if (bucket.asBlocking().tryConsume(1, ahead)) {
                return enterWindow(channel);
            }
            // booked further ahead than that (other senders, replies, a 429 pause): sleep until
            // the line is short again and ask again
            long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill() - ahead.toNanos();
            Thread.sleep(Math.max(1, Math.min(Duration.ofNanos(nanos).toMillis(), 1000)));
        }
        return null;
    }

    /**
     * A reply to someone chatting. Where the headroom cannot carry replies (MAX, VK) it books the
     * next free token, ahead of bulk senders that have not booked yet, and waits for it (at most
     * {@link #REPLY_WAIT}). Elsewhere (Telegram, the web chat) it is only counted in memory; the counts reach the shared bucket before this
     * instance's next bulk send, and every 100 ms in the background.
     */
    @Override
    public Permit interactive(String channel) {
        if (booksReplies(limit(channel))) {
            try {
                bucket(channel).asBlocking().tryConsume(1, REPLY_WAIT);
                return window(channel).enter();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Permit.NONE;
            }
        }
        interactiveSinceFlush.computeIfAbsent(channel, c -> new AtomicLong()).incrementAndGet();
        return Permit.NONE;
    }

    /** MAX and VK count every call in a sliding second: the call holds a place there until answered. */
    private Permit enterWindow(String channel) throws InterruptedException {
        return booksReplies(limit(channel)) ? window(channel).enter() : Permit.NONE;
    }

    private static boolean booksReplies(SendLimit limit) {
        return limit.budgetPerSecond() < BOOKED_REPLIES_BELOW && limit.headroom() < HEADROOM_CARRYING_REPLIES;
    }

    private Duration bulkAhead(String channel) {
        return Duration.ofNanos(Math.round(BULK_AHEAD * 1_000_000_000d / limit(channel).budgetPerSecond()));
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

    /** The platform's own count: its whole limit in any second (see {@link SendWindow}). */
    private SendWindow window(String channel) {
        return windows.computeIfAbsent(channel, c -> new SendWindow((int) Math.floor(limit(c).perSecond()),
                1_000_000_000L, System::nanoTime));
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
