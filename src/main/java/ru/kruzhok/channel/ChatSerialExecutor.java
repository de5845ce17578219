package ru.kruzhok.channel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs tasks of one key (a chat) strictly one after another and tasks of different keys in
 * parallel on a shared pool. Each key keeps only the tail of its chain, removed once it completes,
 * so idle chats cost nothing. Hand-written: the JDK and Spring offer per-key ordering only through
 * single-thread executors per key, which would not scale to 100,000 chats.
 */
final class ChatSerialExecutor {

    private final ConcurrentHashMap<String, CompletableFuture<?>> tails = new ConcurrentHashMap<>();
    private final Executor pool;

    ChatSerialExecutor(Executor pool) {
        this.pool = pool;
    }

    <T> CompletableFuture<T> submit(String key, Supplier<T> task) {
        @SuppressWarnings("unchecked")
        CompletableFuture<T>[] created = new CompletableFuture[1];
        tails.compute(key, (k, tail) -> {
            CompletableFuture<?> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
            // exceptionally(): one failed task must not stop the chat's later tasks
            created[0] = previous.exceptionally(e -> null).thenApplyAsync(ignored -> task.get(), pool);
            return created[0];
        });
        CompletableFuture<T> mine = created[0];
        mine.whenComplete((r, e) -> tails.remove(key, mine));
        return mine;
    }

    int activeChats() {
        return tails.size();
    }
}
