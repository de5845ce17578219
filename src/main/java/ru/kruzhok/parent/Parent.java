package ru.kruzhok.parent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** A parent who agreed to personal data processing: where they live, their children, their interests. */
@Entity
@Table(name = "parent")
class Parent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String channel;
    @Column(name = "chat_id")
    private String chatId;
    private String municipality;
    @Column(name = "consent_at")
    private Instant consentAt;
    private boolean notifications = true;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    @OneToMany(mappedBy = "parent", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("id")
    private List<Child> children = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "parent_interest", joinColumns = @JoinColumn(name = "parent_id"))
    @Column(name = "direction")
    private Set<String> interests = new LinkedHashSet<>();

    protected Parent() {
    }

    Parent(String channel, String chatId, Instant now) {
        this.channel = channel;
        this.chatId = chatId;
        this.consentAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    Long id() {
        return id;
    }

    String channel() {
        return channel;
    }

    String chatId() {
        return chatId;
    }

    String municipality() {
        return municipality;
    }

    void municipality(String code, Instant now) {
        this.municipality = code;
        this.updatedAt = now;
    }

    boolean notifications() {
        return notifications;
    }

    void notifications(boolean on, Instant now) {
        this.notifications = on;
        this.updatedAt = now;
    }

    Instant createdAt() {
        return createdAt;
    }

    List<Child> children() {
        return children;
    }

    void addChild(String name, int birthYear, Instant now) {
        children.add(new Child(this, name, birthYear));
        this.updatedAt = now;
    }

    Set<String> interests() {
        return interests;
    }

    void toggleInterest(String direction, Instant now) {
        if (!interests.remove(direction)) {
            interests.add(direction);
        }
        this.updatedAt = now;
    }
}
