package ru.kruzhok.system;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.kruzhok.freetext.FreeTextRouter;

/**
 * Reads typical free text a few thousand times before the application is ready, i.e. before any
 * poller fetches (they start on ApplicationReadyEvent, which comes after this). Measured with
 * DispatcherBenchmark: the first minute's p99 was seconds, not milliseconds, exactly while the
 * first questions and searches came in (the FAQ matcher, Lucene's analysis and the catalog reading
 * running interpreted and with cold caches, on 2 cores with 500 updates a second queuing behind
 * them); GC pauses stayed under 140 ms and the connection pool was full from the start. Read-only:
 * nothing is written, no parent sees it.
 */
@Component
class Warmup {

    private static final Logger log = LoggerFactory.getLogger(Warmup.class);

    /** What parents type most (certificate, Navigator, searches with filters, typos, chatter). */
    private static final List<String> SAMPLES = List.of(
            "Как получить сертификат на ребёнка?",
            "как активировать сертификат",
            "Есть ли бесплатные кружки робототехники для 10 лет",
            "танцы для девочки 7 лет",
            "футбол рядом",
            "где найти навигатор",
            "сертефикат не приходит на почту",
            "можно ли потратить сертификат на плавание",
            "кружки рисования бесплатно",
            "шахматы 9 лет",
            "как записаться в кружок",
            "сколько стоит программирование для подростков",
            "привет",
            "спасибо",
            "какая погода завтра",
            "номинал сертификата в этом году",
            "секция бокса для мальчика 12 лет",
            "англиский язык 8 лет платно");

    private final ObjectProvider<FreeTextRouter> router;
    private final WarmupProperties properties;

    Warmup(ObjectProvider<FreeTextRouter> router, WarmupProperties properties) {
        this.router = router;
        this.properties = properties;
    }

    @EventListener(ApplicationStartedEvent.class)
    void warm() {
        FreeTextRouter r = router.getIfAvailable();
        if (!properties.enabled() || r == null) {
            return;
        }
        long start = System.nanoTime();
        long until = start + properties.maxDuration().toNanos();
        int n = 0;
        try {
            while (n < properties.readings() && System.nanoTime() < until) {
                r.understand(SAMPLES.get(n % SAMPLES.size()), null);
                n++;
            }
        } catch (RuntimeException e) {
            // a warm-up that fails must not stop the bot; the first parents just wait a little longer
            log.warn("Warm-up stopped after {} readings: {}", n, e.toString());
        }
        log.info("Warm-up: {} free-text readings in {} ms", n, (System.nanoTime() - start) / 1_000_000);
    }
}
