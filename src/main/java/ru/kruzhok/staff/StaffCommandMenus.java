package ru.kruzhok.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.BotCommand;
import ru.kruzhok.channel.BotCommandMenu;
import ru.kruzhok.channel.Channel;
import ru.kruzhok.channel.ChannelRegistry;

/**
 * Shows staff commands in the command menu of staff members' private chats only (for a Telegram
 * private chat the chat id is the user id); parents keep the default menu. Published at start for
 * everyone with a role, and again for a person whenever their roles change — someone who lost all
 * roles gets the parents' menu back.
 *
 * <p>Publishing is a Bot API call per person, so it runs on its own thread: it never slows down
 * start-up or the reply to the /staff command that caused it.
 */
@Component
class StaffCommandMenus implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StaffCommandMenus.class);

    private final ChannelRegistry channels;
    private final StaffAccess access;
    private final StaffCommands commands;
    private final List<BotCommandMenu> parentMenus;
    private final ExecutorService publisher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "staff-menus");
        t.setDaemon(true);
        return t;
    });

    StaffCommandMenus(ChannelRegistry channels, StaffAccess access, StaffCommands commands, List<BotCommandMenu> parentMenus) {
        this.channels = channels;
        this.access = access;
        this.commands = commands;
        this.parentMenus = parentMenus;
    }

    @EventListener(ApplicationReadyEvent.class)
    void publishForEveryone() {
        publisher.execute(() -> access.staffTelegramIds().forEach(this::publish));
    }

    @EventListener
    void onRolesChanged(StaffRolesChanged event) {
        publisher.execute(() -> publish(event.telegramUserId()));
    }

    /** The menu a person should see: the parents' commands, plus the staff commands their roles allow. */
    List<BotCommand> menuFor(long telegramUserId) {
        List<BotCommand> menu = new ArrayList<>();
        parentMenus.forEach(m -> menu.addAll(m.parentCommands()));
        if (access.isStaff(telegramUserId)) {
            boolean admin = access.isAdmin(telegramUserId);
            commands.all().stream().filter(c -> StaffCommands.allows(c, true, admin))
                    .forEach(c -> menu.add(new BotCommand(c.name(), c.description())));
        }
        return menu;
    }

    private void publish(long telegramUserId) {
        try {
            Channel telegram = channels.find(StaffAccess.STAFF_CHANNEL).orElse(null);
            if (telegram != null) {
                telegram.publishCommands(String.valueOf(telegramUserId), menuFor(telegramUserId));
            }
        } catch (RuntimeException e) {
            log.warn("Could not publish a staff command menu: {}", e.toString());
        }
    }

    @Override
    public void close() {
        publisher.shutdownNow();
    }
}
