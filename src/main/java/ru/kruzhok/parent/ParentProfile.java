package ru.kruzhok.parent;

import java.util.List;
import java.util.Set;

import ru.kruzhok.channel.ChatAddress;

/** A read-only view of a parent's profile for other features (search prefill, audiences, statistics). */
public record ParentProfile(ChatAddress chat, String municipality, boolean notifications, List<ChildView> children,
                            Set<String> interests) {

    /** @param age this year's age, computed from the year of birth */
    public record ChildView(String name, int birthYear, int age) {
    }
}
