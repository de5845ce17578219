package ru.kruzhok.parent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChildInputTest {

    private static final int YEAR = 2026;

    @Test
    void understandsAnAgeAloneOrWithAName() {
        assertThat(ChildInput.parse("7", YEAR)).contains(new ChildInput.Parsed(null, 2019));
        assertThat(ChildInput.parse("7 лет", YEAR)).contains(new ChildInput.Parsed(null, 2019));
        assertThat(ChildInput.parse("маша 7", YEAR)).contains(new ChildInput.Parsed("Маша", 2019));
        assertThat(ChildInput.parse("Артём, 2016 г.р.", YEAR)).contains(new ChildInput.Parsed("Артём", 2016));
    }

    @Test
    void refusesWhatIsNoChildsAge() {
        assertThat(ChildInput.parse("сто лет", YEAR)).isEmpty();
        assertThat(ChildInput.parse("25", YEAR)).isEmpty();
        assertThat(ChildInput.parse("1990", YEAR)).isEmpty();
        assertThat(ChildInput.parse("", YEAR)).isEmpty();
    }
}
