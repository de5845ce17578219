package ru.kruzhok.channel;

/** An entry of the messenger's command menu ("/start — Главное меню"). */
public record BotCommand(String command, String description) {
}
