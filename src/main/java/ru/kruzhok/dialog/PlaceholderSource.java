package ru.kruzhok.dialog;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Supplies {placeholder} values every flow text may use (the МОЦ's contacts, the certificate's
 * value), implemented by features. Values are in the bot's markup; an empty value means "not known
 * for this parent" and leaves its sentence out.
 */
public interface PlaceholderSource {

    /** Every placeholder this source fills: the validator refuses any other in a flow. */
    Set<String> names();

    Optional<String> value(String name, DialogContext context);

    /** Former spellings of this source's placeholders, with the one to write now. */
    default Map<String, String> oldSpellings() {
        return Map.of();
    }
}
