package ru.kruzhok.parent;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.ChatHistoryErased;

/**
 * Parents' profiles: created only on consent, changed by the onboarding and settings flows, deleted
 * on request together with everything features keep about the chat ({@link ParentDataDeleted}).
 */
@Service
public class ParentProfiles {

    private final ParentRepository parents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ParentProfiles(ParentRepository parents, ApplicationEventPublisher events, Clock clock) {
        this.parents = parents;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<ParentProfile> find(ChatAddress chat) {
        return parents.findByChannelAndChatId(chat.channel(), chat.chatId()).map(this::view);
    }

    /** Records consent; idempotent. */
    @Transactional
    public void consent(ChatAddress chat) {
        if (parents.findByChannelAndChatId(chat.channel(), chat.chatId()).isEmpty()) {
            parents.save(new Parent(chat.channel(), chat.chatId(), clock.instant()));
        }
    }

    @Transactional
    public void setMunicipality(ChatAddress chat, String code) {
        parent(chat).ifPresent(p -> p.municipality(code, clock.instant()));
    }

    @Transactional
    public boolean addChild(ChatAddress chat, String name, int birthYear) {
        Optional<Parent> parent = parent(chat);
        parent.ifPresent(p -> p.addChild(name, birthYear, clock.instant()));
        return parent.isPresent();
    }

    @Transactional
    public void clearChildren(ChatAddress chat) {
        parent(chat).ifPresent(p -> p.children().clear());
    }

    @Transactional
    public void toggleInterest(ChatAddress chat, String direction) {
        parent(chat).ifPresent(p -> p.toggleInterest(direction, clock.instant()));
    }

    @Transactional
    public void setNotifications(ChatAddress chat, boolean on) {
        parent(chat).ifPresent(p -> p.notifications(on, clock.instant()));
    }

    /**
     * Who an announcement goes to: parents with notifications on, in any of {@code municipalities}
     * (empty: all), with a child aged {@code ageFrom}..{@code ageTo} this year (null: any age), interested
     * in any of {@code directions} (empty: any).
     */
    public record AudienceFilter(Set<String> municipalities, Integer ageFrom, Integer ageTo, Set<String> directions) {
        public AudienceFilter {
            municipalities = municipalities == null ? Set.of() : Set.copyOf(municipalities);
            directions = directions == null ? Set.of() : Set.copyOf(directions);
        }
    }

    /** The chats an announcement to {@code filter} reaches, in the order parents joined. */
    @Transactional(readOnly = true)
    public List<ChatAddress> audience(AudienceFilter filter) {
        int year = currentYear();
        // ages move on by themselves: an age range is a range of birth years this year
        int minBirthYear = filter.ageTo() == null ? Integer.MIN_VALUE : year - filter.ageTo();
        int maxBirthYear = filter.ageFrom() == null ? Integer.MAX_VALUE : year - filter.ageFrom();
        boolean anyAge = filter.ageFrom() == null && filter.ageTo() == null;
        // an empty IN list is not valid SQL everywhere; the flags make the placeholder lists irrelevant
        return parents.audience(
                        filter.municipalities().isEmpty(), orPlaceholder(filter.municipalities()),
                        anyAge, minBirthYear, maxBirthYear,
                        filter.directions().isEmpty(), orPlaceholder(filter.directions()))
                .stream().map(row -> new ChatAddress((String) row[0], (String) row[1])).toList();
    }

    private static Set<String> orPlaceholder(Set<String> values) {
        return values.isEmpty() ? Set.of("-") : values;
    }

    /** What was deleted, for telling the parent. */
    public record Deleted(boolean profile, int children, int interests) {
    }

    @Transactional
    public Deleted delete(ChatAddress chat) {
        Optional<Parent> parent = parent(chat);
        Deleted deleted = parent.map(p -> new Deleted(true, p.children().size(), p.interests().size()))
                .orElse(new Deleted(false, 0, 0));
        parent.ifPresent(parents::delete);
        events.publishEvent(new ParentDataDeleted(chat));
        events.publishEvent(new ChatHistoryErased(chat));
        return deleted;
    }

    int currentYear() {
        return Instant.now(clock).atZone(ZoneId.systemDefault()).getYear();
    }

    private Optional<Parent> parent(ChatAddress chat) {
        return parents.findByChannelAndChatId(chat.channel(), chat.chatId());
    }

    private ParentProfile view(Parent p) {
        int year = currentYear();
        return new ParentProfile(new ChatAddress(p.channel(), p.chatId()), p.municipality(), p.notifications(),
                p.children().stream().map(c -> new ParentProfile.ChildView(c.name(), c.birthYear(), year - c.birthYear()))
                        .toList(),
                new LinkedHashSet<>(p.interests()));
    }
}
