package ru.kruzhok.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class StaffCommandsRegistryTest {

    @Test
    void twoFeaturesDeclaringOneCommandStopTheStart() {
        assertThatThrownBy(() -> new StaffCommands(List.of(StaffCommand.staff("broadcast", "a"),
                StaffCommand.admin("Broadcast", "b")))).hasMessageContaining("/broadcast");
    }

    @Test
    void commandsAreFoundByTheirLowerCaseName() {
        StaffCommands commands = new StaffCommands(List.of(StaffCommand.staff("Results", "Итоги опросов")));
        assertThat(commands.find("results")).isPresent();
        assertThat(commands.find("start")).isEmpty();
        assertThat(commands.find(null)).isEmpty();
    }

    @Test
    void aCommandNameTelegramCannotShowIsRefused() {
        assertThatThrownBy(() -> StaffCommand.staff("рассылка", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
