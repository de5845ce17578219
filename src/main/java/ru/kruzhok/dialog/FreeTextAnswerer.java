package ru.kruzhok.dialog;

import java.util.List;
import java.util.Optional;

import ru.kruzhok.channel.Reply;

/**
 * Answers free text typed where no input is expected (certificate questions, search phrases).
 * Features implement it; the first that answers wins ({@link org.springframework.core.annotation.Order}).
 */
public interface FreeTextAnswerer {
    Optional<List<Reply>> answer(DialogContext context, String text);
}
