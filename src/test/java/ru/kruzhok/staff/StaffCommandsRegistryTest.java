package ru.kruzhok.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Reply;

class StaffCommandsRegistryTest {

    private static StaffCommand command(String name, StaffCommand.Role role) {
        return StaffCommand.of(name, role, "описание " + name, in -> List.of(Reply.text(name)));
    }

    private static StaffButton button(String name) {
        String prefix = StaffButton.prefixFor(name);
        return new StaffButton() {
            @Override
            public String prefix() {
                return prefix;
            }

            @Override
            public Optional<List<Reply>> press(Incoming incoming, String data) {
                return Optional.of(List.of(Reply.text(name + data)));
            }
        };
    }

    @Test
    void twoFeaturesDeclaringOneCommandStopTheStart() {
        assertThatThrownBy(() -> new StaffCommands(List.of(command("broadcast", StaffCommand.Role.STAFF),
                command("Broadcast", StaffCommand.Role.ADMIN)), List.of())).hasMessageContaining("/broadcast");
    }

    @Test
    void commandsAreFoundByTheirLowerCaseName() {
        StaffCommands commands = new StaffCommands(List.of(command("Results", StaffCommand.Role.STAFF)), List.of());
        assertThat(commands.find("results")).isPresent();
        assertThat(commands.find("start")).isEmpty();
        assertThat(commands.find(null)).isEmpty();
    }

    @Test
    void aCommandNameTelegramCannotShowIsRefused() {
        assertThatThrownBy(() -> command("рассылка", StaffCommand.Role.STAFF)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buttonPrefixesOneOfWhichStartsTheOtherStopTheStart() {
        assertThatThrownBy(() -> new StaffCommands(List.of(), List.of(button("kb"), button("kbt"))))
                .hasMessageContaining("s:kb").hasMessageContaining("s:kbt");
    }

    @Test
    void aPayloadGoesToTheButtonWhosePrefixItStartsWith() {
        StaffCommands commands = new StaffCommands(List.of(), List.of(button("bc"), button("kb")));
        assertThat(commands.button("s:kb:12").map(StaffButton::prefix)).contains("s:kb");
        assertThat(commands.button("s:zz:1")).isEmpty();
    }

    @Test
    void onlyAdminsMayUseAnAdminCommand() {
        StaffCommand audit = command("audit", StaffCommand.Role.ADMIN);
        assertThat(StaffCommands.allows(audit, true, false)).isFalse();
        assertThat(StaffCommands.allows(audit, true, true)).isTrue();
        assertThat(StaffCommands.allows(command("stats", StaffCommand.Role.STAFF), false, false)).isFalse();
    }
}
