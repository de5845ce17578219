package ru.kruzhok.staff;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.IncomingFilter;
import ru.kruzhok.channel.Reply;

/** Hands the staff feature's own commands to their handlers; everything else goes on down the chain. */
@Component
@Order(StaffFilterOrder.STAFF_COMMANDS)
class StaffCommandRouter implements IncomingFilter {

    private final Map<String, StaffCommandHandler> handlers;

    StaffCommandRouter(List<StaffCommandHandler> handlers) {
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(StaffCommandHandler::name, Function.identity()));
    }

    @Override
    public Optional<List<Reply>> intercept(Incoming incoming) {
        String command = incoming.command();
        StaffCommandHandler handler = command == null ? null : handlers.get(command);
        return handler == null ? Optional.empty() : Optional.of(handler.handle(incoming));
    }
}
