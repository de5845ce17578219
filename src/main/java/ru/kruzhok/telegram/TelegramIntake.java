package ru.kruzhok.telegram;

import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import ru.kruzhok.channel.UpdateDispatcher;

/**
 * Where Telegram updates enter the core, whether they came by long polling or by webhook: a
 * button press is acknowledged at once (so the client stops its spinner), and the update goes to
 * the dispatcher.
 */
class TelegramIntake {

    private static final Logger log = LoggerFactory.getLogger(TelegramIntake.class);

    private final UpdateTranslator translator;
    private final UpdateDispatcher dispatcher;
    private final TelegramClient client;

    TelegramIntake(UpdateTranslator translator, UpdateDispatcher dispatcher, TelegramClient client) {
        this.translator = translator;
        this.dispatcher = dispatcher;
        this.client = client;
    }

    /** Completes when the update has been handled (or ignored). */
    CompletableFuture<Void> accept(Update update) {
        if (update.hasCallbackQuery()) {
            acknowledge(update.getCallbackQuery().getId());
        }
        return translator.translate(update)
                .map(dispatcher::dispatch)
                .orElseGet(() -> CompletableFuture.completedFuture(null));
    }

    private void acknowledge(String callbackId) {
        try {
            client.executeAsync(AnswerCallbackQuery.builder().callbackQueryId(callbackId).build())
                    .exceptionally(e -> {
                        log.debug("answerCallbackQuery failed: {}", e.toString());
                        return false;
                    });
        } catch (Exception e) {
            log.debug("answerCallbackQuery failed: {}", e.toString());
        }
    }
}
