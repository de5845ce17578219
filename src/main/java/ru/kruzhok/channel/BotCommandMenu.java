package ru.kruzhok.channel;

import java.util.List;

/** Supplies the command menu channels publish to their platform at start (Telegram's setMyCommands). */
public interface BotCommandMenu {
    List<BotCommand> parentCommands();
}
