package ru.kruzhok.staff;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Staff over HTTP ({@link AdminApiFilter} has checked the token): list, add and remove roles; the
 * audit log. Every change is audited with the actor "admin-api".
 */
@RestController
@RequestMapping("/api/admin")
class AdminStaffController {

    /** {@code municipality} is a municipality code or "admin". */
    record StaffRequest(Long telegramId, String username, String municipality) {
    }

    private final StaffRoster roster;
    private final StaffChats staffChats;
    private final AuditLog audit;

    AdminStaffController(StaffRoster roster, StaffChats staffChats, AuditLog audit) {
        this.roster = roster;
        this.staffChats = staffChats;
        this.audit = audit;
    }

    @GetMapping("/staff")
    Map<String, Object> list() {
        return Map.of(
                "staff", roster.members().stream().map(m -> Map.of(
                        "telegramId", m.telegramUserId(),
                        "username", m.username() == null ? "" : m.username(),
                        "roles", m.roles().stream().map(StaffRoster::describe).toList(),
                        "fromConfig", m.configuredAdmin())).toList(),
                "chats", staffChats.all().stream().map(b -> Map.of(
                        "municipality", b.municipality(),
                        "chat", b.chat().key(),
                        "boundAt", b.boundAt().toString())).toList());
    }

    @PostMapping("/staff")
    ResponseEntity<Map<String, Object>> add(@RequestBody StaffRequest request) {
        long user = person(request.telegramId(), request.username());
        String role = roster.role(request.municipality())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown municipality"));
        StaffRoster.Change change = roster.add(user, role, AuditLog.ADMIN_API);
        return ResponseEntity.status(change == StaffRoster.Change.ADDED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of("telegramId", user, "role", StaffRoster.describe(role),
                        "changed", change == StaffRoster.Change.ADDED));
    }

    @DeleteMapping("/staff")
    Map<String, Object> remove(@RequestParam(required = false) Long telegramId,
                               @RequestParam(required = false) String username,
                               @RequestParam(required = false) String municipality) {
        long user = person(telegramId, username);
        String role = null;
        if (municipality != null && !municipality.isBlank()) {
            role = roster.role(municipality)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown municipality"));
        }
        StaffRoster.Change change = roster.remove(user, role, AuditLog.ADMIN_API);
        if (change == StaffRoster.Change.CONFIGURED_ADMIN) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "admin from STAFF_TELEGRAM_IDS: change the configuration");
        }
        return Map.of("telegramId", user, "removed", change == StaffRoster.Change.REMOVED);
    }

    @GetMapping("/audit")
    Map<String, Object> audit(@RequestParam(defaultValue = "50") int limit) {
        List<AuditLog.Entry> entries = audit.latest(limit);
        return Map.of("items", entries.stream().map(e -> Map.of(
                "id", e.id(), "at", e.at().toString(), "actor", e.actor(), "action", e.action(),
                "details", e.details())).toList());
    }

    private long person(Long telegramId, String username) {
        if (telegramId != null) {
            return telegramId;
        }
        if (username == null || username.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "telegramId or username is required");
        }
        return roster.resolve(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "unknown username: the person must write to the bot first"));
    }
}
