package ru.kruzhok.faq;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything loaded from {@code dialogs/faq/}: the answerable topics, the kinds of questions we must
 * not answer (matched only to hand them over), synonym groups and filler words.
 *
 * @param outside  id → example phrases of questions outside additional education
 * @param synonyms groups of words meaning the same; the first of a group is what the others read as
 * @param filler   words that carry no meaning for matching ("подскажите", "здравствуйте")
 * @param subject  topic (or out-of-scope kind) id → the words that say a question is about it
 *                 («остаток» for the balance, «наличные» for cash): they weigh more in the question,
 *                 and only for their own topic
 * @param domain   words only additional education speaks of («сертификат», «кружок», «навигатор»):
 *                 a question naming one is ours more likely than an out-of-scope kind
 */
record FaqKnowledgeBase(List<FaqTopic> topics, Map<String, List<String>> outside, List<List<String>> synonyms,
                        Set<String> filler, Map<String, List<String>> subject, List<String> domain) {

    FaqKnowledgeBase {
        topics = List.copyOf(topics);
        outside = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outside));
        synonyms = List.copyOf(synonyms);
        filler = Set.copyOf(filler);
        subject = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(subject));
        domain = List.copyOf(domain);
    }

    /** A knowledge base without subject and domain words. */
    FaqKnowledgeBase(List<FaqTopic> topics, Map<String, List<String>> outside, List<List<String>> synonyms,
                     Set<String> filler) {
        this(topics, outside, synonyms, filler, Map.of(), List.of());
    }

    Map<String, FaqTopic> byId() {
        Map<String, FaqTopic> map = new LinkedHashMap<>();
        topics.forEach(t -> map.put(t.id(), t));
        return map;
    }
}
