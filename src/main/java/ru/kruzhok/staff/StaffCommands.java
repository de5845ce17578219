package ru.kruzhok.staff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Every staff command by name and every staff button by prefix: the one place both are registered.
 * Two features declaring one command name, or button prefixes one of which starts the other, stop
 * the start.
 */
@Service
public class StaffCommands {

    private final Map<String, StaffCommand> byName;
    private final List<StaffButton> buttons;

    StaffCommands(List<StaffCommand> declared, List<StaffButton> buttons) {
        Map<String, StaffCommand> map = new LinkedHashMap<>();
        for (StaffCommand command : declared) {
            String name = StaffCommand.checkedName(command.name());
            if (map.putIfAbsent(name, command) != null) {
                throw new IllegalStateException("staff command /" + name + " is declared twice");
            }
        }
        this.byName = Map.copyOf(map);
        List<StaffButton> checked = new ArrayList<>();
        for (StaffButton button : buttons) {
            if (!button.prefix().startsWith(StaffButton.PREFIX) || button.prefix().length() <= StaffButton.PREFIX.length()) {
                throw new IllegalStateException("a staff button prefix must come from StaffButton.prefixFor: " + button.prefix());
            }
            for (StaffButton other : checked) {
                if (other.prefix().startsWith(button.prefix()) || button.prefix().startsWith(other.prefix())) {
                    throw new IllegalStateException("staff button prefixes overlap: " + other.prefix() + " and " + button.prefix());
                }
            }
            checked.add(button);
        }
        this.buttons = List.copyOf(checked);
    }

    public Optional<StaffCommand> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
    }

    public List<StaffCommand> all() {
        return byName.values().stream().sorted(Comparator.comparing(StaffCommand::name)).toList();
    }

    /** The staff button a payload belongs to. */
    Optional<StaffButton> button(String payload) {
        return payload == null ? Optional.empty()
                : buttons.stream().filter(b -> payload.startsWith(b.prefix())).findFirst();
    }

    /** True when the command may be used by someone admin or not. */
    static boolean allows(StaffCommand command, boolean staff, boolean admin) {
        return command.role() == StaffCommand.Role.ADMIN ? admin : staff;
    }
}
