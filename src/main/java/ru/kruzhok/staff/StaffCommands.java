package ru.kruzhok.staff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** Every declared {@link StaffCommand}, by name. Two features declaring one name stop the start. */
@Service
public class StaffCommands {

    private final Map<String, StaffCommand> byName;

    StaffCommands(List<StaffCommand> declared) {
        Map<String, StaffCommand> map = new LinkedHashMap<>();
        for (StaffCommand command : declared) {
            if (map.putIfAbsent(command.name(), command) != null) {
                throw new IllegalStateException("staff command /" + command.name() + " is declared twice");
            }
        }
        this.byName = Map.copyOf(map);
    }

    public Optional<StaffCommand> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
    }

    public List<StaffCommand> all() {
        return byName.values().stream().sorted(java.util.Comparator.comparing(StaffCommand::name)).toList();
    }
}
