package ru.kruzhok.faq;

/**
 * The bot answered a parent's typed question from the knowledge base (published by
 * {@link FaqConversation}); the report counts topics from it. No personal data.
 *
 * @param municipality the parent's municipality, or null
 * @param topic        the answered topic id
 */
public record FaqAnswered(String municipality, String topic) {
}
