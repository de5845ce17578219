package ru.kruzhok.parent;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ParentRepository extends JpaRepository<Parent, Long> {
    Optional<Parent> findByChannelAndChatId(String channel, String chatId);
}
