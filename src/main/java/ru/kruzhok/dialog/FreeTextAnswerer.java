package ru.kruzhok.dialog;

import java.util.List;
import java.util.Optional;

import ru.kruzhok.channel.Reply;

/**
 * Answers free text typed where no input is expected (certificate questions, search phrases). One
 * bean implements it: the free-text router, which reads the text with every feature and decides
 * by one rule. Empty when the text says nothing (emoji only): the engine shows the menu.
 */
public interface FreeTextAnswerer {
    Optional<List<Reply>> answer(DialogContext context, String text);
}
