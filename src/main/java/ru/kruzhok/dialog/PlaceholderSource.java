package ru.kruzhok.dialog;

import java.util.Optional;

/**
 * Supplies {placeholder} values every text may use (the МОЦ's contacts, the certificate's value),
 * implemented by features. Values are in the bot's markup.
 */
public interface PlaceholderSource {
    Optional<String> value(String name, DialogContext context);
}
