package ru.kruzhok.faq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The matcher on the repository's knowledge base, without Spring. */
class FaqMatcherTest {

    private final FaqMatcher matcher = TestMatchers.repoKnowledgeBase();

    @Test
    void answersAPlainQuestionOutrightWithTheMunicipalitysFigures() {
        FaqMatcher.Match m = matcher.match("Сколько денег на сертификате?", "tsentr");
        assertThat(m.topic()).isEqualTo("certificate.nominal");
        assertThat(m.decision()).isEqualTo(FaqMatcher.Decision.ANSWER);
        assertThat(m.confidence()).isBetween(0.6, 1.0);
        assertThat(m.answer()).contains("7 500 ₽").doesNotContain("{");
    }

    @Test
    void toleratesTyposParentsMake() {
        assertThat(matcher.match("скока стоит сертефикат", null).topic()).isEqualTo("certificate.nominal");
        assertThat(matcher.match("как записатся на кружок по сертификату", null).topic()).isEqualTo("certificate.enroll");
        assertThat(matcher.match("как зарегестрироваться в навигтор", null).topic()).isEqualTo("navigator.register");
    }

    @Test
    void ignoresCaseYoPunctuationAndEmoji() {
        FaqMatcher.Match plain = matcher.match("забыла пароль от навигатора", null);
        FaqMatcher.Match noisy = matcher.match("ЗАБЫЛА ПАРОЛЬ от Навигатора!!! 😭😭", null);
        assertThat(noisy.topic()).isEqualTo(plain.topic()).isEqualTo("navigator.password");
        assertThat(noisy.confidence()).isEqualTo(plain.confidence());
        assertThat(matcher.match("как зарегистрироваться, ещё не понимаю?", null).topic()).isEqualTo("navigator.register");
    }

    @Test
    void readsAbbreviationsAndSynonyms() {
        assertThat(matcher.match("что такое ПФДО", null).topic()).isEqualTo("certificate.what");
        assertThat(matcher.match("телефон опорного центра", null).topic()).isEqualTo("moc.contacts");
        assertThat(matcher.match("можно ли подать на сертификат через гос услуги", null).topic()).isEqualTo("certificate.how-to-get");
    }

    @Test
    void subjectWordsSayWhichOfTheMoneyTopicsIsAsked() {
        // all three speak of the certificate's money; «осталось», «наличными», «номинал» tell them apart
        assertThat(matcher.match("сколько у нас ещё осталось на сертификате", null).topic()).isEqualTo("certificate.balance");
        assertThat(matcher.match("а можно этот сертификат наличными", null).topic()).isEqualTo("certificate.cash");
        assertThat(matcher.match("какой номинал у сертификата", null).topic()).isEqualTo("certificate.nominal");
    }

    @Test
    void anAgeAsksWhoIsEntitledAndAYearStaysAYear() {
        // «4 года» is an age (who may get the certificate), not the certificate's yearly period
        assertThat(matcher.match("ребенку 4 года можно ли ему сертификат", null).topic()).isEqualTo("certificate.who");
        assertThat(FaqIndex.prepare("сыну 17 лет")).isEqualTo("сыну " + FaqIndex.AGE);
        assertThat(FaqIndex.prepare("сертификат на 2026 год")).isEqualTo("сертификат на год");
    }

    @Test
    void aDefinitionQuestionIsReadThoughAllItsWordsAreStopWords() {
        assertThat(FaqIndex.prepare("а что это за сертификат")).endsWith(" " + FaqIndex.DEFINITION);
        assertThat(matcher.match("а что за сертификат нам все советуют", null).topic()).isEqualTo("certificate.what");
        assertThat(matcher.match("моц это что", null).topic()).isEqualTo("moc.what");
    }

    @Test
    void aQuestionWordAloneMakesNoMatch() {
        for (String q : new String[] {"кто ты", "а где?", "когда"}) {
            assertThat(matcher.match(q, null).decision()).as(q).isEqualTo(FaqMatcher.Decision.HANDOVER);
        }
    }

    @Test
    void fillerInAnyFormIsIgnored() {
        // «нашем» is the filler «наш» in another form: it must not pull the question to another topic
        FaqMatcher.Match m = matcher.match("какой номинал сертификата в нашем районе", null);
        assertThat(m.topic()).isEqualTo("certificate.nominal");
        assertThat(m.decision()).isEqualTo(FaqMatcher.Decision.ANSWER);
    }

    @Test
    void handsOverSmallTalkAndQuestionsOutsideAdditionalEducation() {
        for (String q : new String[] {"Добрый день!", "как встать в очередь в садик", "когда придёт единое пособие",
                "какая погода будет в субботу", "😀", "как записать в первый класс"}) {
            FaqMatcher.Match m = matcher.match(q, "tsentr");
            assertThat(m.topic()).as(q).isNull();
            assertThat(m.decision()).isEqualTo(FaqMatcher.Decision.HANDOVER);
            assertThat(m.confidence()).as(q).isLessThan(matcher.lowThreshold());
            assertThat(m.answer()).contains("специалисту");
        }
    }

    @Test
    void offersAlternativesBestFirstWithoutTheTopTopic() {
        for (String q : new String[] {"договор", "нам сказали доплатить это нормально при сертификате", "сертификат и навигатор"}) {
            alternativesAreRankedBelowTheTopic(matcher.match(q, null));
        }
    }

    private static void alternativesAreRankedBelowTheTopic(FaqMatcher.Match m) {
        assertThat(m.topic()).isNotNull();
        assertThat(m.alternatives()).isNotEmpty().hasSizeLessThanOrEqualTo(3)
                .noneMatch(a -> a.topic().equals(m.topic()))
                .allMatch(a -> a.confidence() >= 0 && a.confidence() <= 1);
        assertThat(m.alternatives().get(0).confidence()).isLessThanOrEqualTo(m.confidence());
        for (int i = 1; i < m.alternatives().size(); i++) {
            assertThat(m.alternatives().get(i).confidence()).isLessThanOrEqualTo(m.alternatives().get(i - 1).confidence());
        }
    }

    @Test
    void fillsContactsOfTheParentsMunicipality() {
        String answer = matcher.match("телефон и адрес моц", "tsentr").answer();
        assertThat(answer).contains("ул. Ленина, 12", "+7 900 100-20-31", "пн–пт 9–18").doesNotContain("{");
    }

    @Test
    void veryLongQuestionIsCutNotRejected() {
        String q = "как получить сертификат " + "очень ".repeat(400);
        FaqMatcher.Match m = matcher.match(q, null);
        assertThat(m.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void treatsTheOldNameOfTheSocialDirectionAsTheNewOne() {
        FaqMatcher.Match m = matcher.match("социально-педагогическая направленость это какая", null);
        assertThat(m.topic()).isEqualTo("program.directions");
        assertThat(m.answer()).contains("Социально-гуманитарная", "социально-педагогической");
    }

    @Test
    void programSearchTopicCarriesTheCatalogAction() {
        FaqMatcher.Match m = matcher.match("подобрать секцию по футболу", null);
        assertThat(m.topic()).isEqualTo("program.search");
        assertThat(matcher.topic("program.search").orElseThrow().action()).isEqualTo("catalog.search");
    }
}
