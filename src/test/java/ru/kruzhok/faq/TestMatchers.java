package ru.kruzhok.faq;

import java.util.HashMap;
import java.util.Map;

/** The repo's knowledge base with fixed municipal values, without Spring. */
final class TestMatchers {

    static final FaqProperties PROPERTIES = new FaqProperties(0.40, 0.32, "dialogs/faq");

    private static FaqMatcher shared;

    private TestMatchers() {
    }

    /** Built once: tests only read it. */
    static synchronized FaqMatcher repoKnowledgeBase() {
        if (shared == null) {
            shared = new FaqMatcher(FaqLoader.load("dialogs/faq"), TestMatchers::values, PROPERTIES);
        }
        return shared;
    }

    static Map<String, String> values(String municipality) {
        Map<String, String> v = new HashMap<>();
        v.put("certificate.value", "tsentr".equals(municipality) ? "7 500 ₽" : "сумма муниципалитета");
        v.put("certificate.period", "с 1 сентября по 31 августа");
        v.put("certificate.ageFrom", "5");
        v.put("certificate.ageTo", "17");
        v.put("navigator.url", "https://navigator.example/");
        v.put("moc.name", "МОЦ Центрального района");
        v.put("moc.address", "ул. Ленина, 12");
        v.put("moc.email", "moc@example.ru");
        v.put("moc.phones", "• Методист: +7 900 100-20-31");
        v.put("moc.hours", "пн–пт 9–18");
        return v;
    }
}
