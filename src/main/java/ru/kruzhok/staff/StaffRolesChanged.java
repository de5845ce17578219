package ru.kruzhok.staff;

/** Published after a person's staff roles changed (added, removed); their command menu is republished. */
public record StaffRolesChanged(long telegramUserId) {
}
