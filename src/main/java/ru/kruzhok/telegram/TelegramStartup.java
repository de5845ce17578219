package ru.kruzhok.telegram;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import ru.kruzhok.channel.BotCommandMenu;

/**
 * Once the application is ready: publishes the command menu (setMyCommands) and registers the
 * webhook with its secret (the long poller removes a leftover one itself). Failures are
 * logged, not fatal: the bot still answers, and the web chat does not depend on Telegram.
 */
class TelegramStartup {

    private static final Logger log = LoggerFactory.getLogger(TelegramStartup.class);

    private final TelegramClient client;
    private final TelegramProperties properties;
    private final List<BotCommandMenu> menus;

    TelegramStartup(TelegramClient client, TelegramProperties properties, List<BotCommandMenu> menus) {
        this.client = client;
        this.properties = properties;
        this.menus = menus;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        publishCommands();
        try {
            if (properties.webhookMode()) {
                client.execute(SetWebhook.builder()
                        .url(properties.webhookUrl())
                        .secretToken(properties.webhookSecret())
                        .allowedUpdates(TelegramLongPoller.ALLOWED_UPDATES)
                        .build());
                log.info("Telegram webhook registered");
            }
            // in long-polling mode the poller removes a leftover webhook itself, before its first poll
        } catch (Exception e) {
            log.warn("Could not set up Telegram webhook/polling: {}", e.toString());
        }
    }

    private void publishCommands() {
        List<BotCommand> commands = menus.stream()
                .flatMap(menu -> menu.parentCommands().stream())
                .map(c -> new BotCommand(c.command(), c.description()))
                .toList();
        if (commands.isEmpty()) {
            return;
        }
        try {
            client.execute(SetMyCommands.builder().commands(commands).scope(new BotCommandScopeDefault()).build());
        } catch (Exception e) {
            log.warn("Could not publish the command menu: {}", e.toString());
        }
    }
}
