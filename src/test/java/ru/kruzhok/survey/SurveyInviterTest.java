package ru.kruzhok.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.kruzhok.parent.ParentProfiles.AudienceFilter;

/** Who an invitation may reach, and that a survey that is not open invites nobody. */
class SurveyInviterTest {

    @Test
    void aClosedOrNotYetOpenSurveyRefusesToInvite(@TempDir Path dir) throws Exception {
        String shipped = Files.readString(Path.of("dialogs/surveys/satisfaction.yaml"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("satisfaction.yaml"), shipped, StandardCharsets.UTF_8);
        SurveyCatalog catalog = new SurveyCatalog(new SurveyProperties(dir));
        Survey s = catalog.find("satisfaction").orElseThrow();

        SurveyInviter after = inviter(catalog, s.closes().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        assertThat(after.invite("satisfaction", null, "test").refusal()).isEqualTo(SurveyInviter.Refusal.NOT_OPEN);
        SurveyInviter before = inviter(catalog, s.opens().minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        assertThat(before.invite("satisfaction", null, "test").refusal()).isEqualTo(SurveyInviter.Refusal.NOT_OPEN);
        assertThat(before.invite("nope", null, "test").refusal()).isEqualTo(SurveyInviter.Refusal.NOT_FOUND);
    }

    @Test
    void staffReachNarrowsTheSurveyAudience() {
        Survey.Audience everyone = new Survey.Audience(true, Set.of(), null, null);
        assertThat(SurveyInviter.audience(everyone, null)).contains(new AudienceFilter(Set.of(), null, null, Set.of()));
        assertThat(SurveyInviter.audience(everyone, Set.of("tsentr")))
                .contains(new AudienceFilter(Set.of("tsentr"), null, null, Set.of()));

        Survey.Audience zarechnyKids = new Survey.Audience(false, Set.of("zarechny"), 5, 10);
        assertThat(SurveyInviter.audience(zarechnyKids, Set.of("tsentr"))).isEmpty();
        assertThat(SurveyInviter.audience(zarechnyKids, Set.of("tsentr", "zarechny")))
                .contains(new AudienceFilter(Set.of("zarechny"), 5, 10, Set.of()));
        assertThat(SurveyInviter.audience(new Survey.Audience(false, Set.of(), 7, null), Set.of()))
                .isEmpty();
    }

    private static SurveyInviter inviter(SurveyCatalog catalog, Instant now) {
        return new SurveyInviter(catalog, null, null, null, null, null, null, Clock.fixed(now, ZoneOffset.UTC));
    }
}
