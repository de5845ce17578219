package ru.kruzhok.survey;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.parent.ParentProfile;

/**
 * What the broadcast feature needs to invite parents to a survey: who the survey is for, and a
 * record of each invitation sent (the denominator of the response rate). Sending is not done here.
 */
@Service
public class SurveyInvitations {

    private final SurveyCatalog catalog;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SurveyInvitations(SurveyCatalog catalog, JdbcTemplate jdbc, Clock clock) {
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The survey's audience: everyone, or municipalities and children's ages. */
    public Survey.Audience audience(String surveyId) {
        return survey(surveyId).audience();
    }

    /** Whether this parent belongs to the survey's audience. */
    public boolean inAudience(String surveyId, ParentProfile profile) {
        return SurveyChat.inAudience(survey(surveyId), profile);
    }

    /** Records that an invitation was sent to this chat; a second invitation of the same chat counts once. */
    @Transactional
    public void recordInvitation(String surveyId, ChatAddress chat) {
        survey(surveyId);
        jdbc.update("""
                insert into survey_invitation (survey_id, channel, chat_id, invited_at) values (?, ?, ?, ?)
                on conflict do nothing""", surveyId, chat.channel(), chat.chatId(), Timestamp.from(clock.instant()));
    }

    /**
     * Records invitations of these chats in one statement and returns those not invited before, so
     * two invitation runs at once never both invite the same parent.
     */
    @Transactional
    public List<ChatAddress> recordNewInvitations(String surveyId, List<ChatAddress> chats) {
        survey(surveyId);
        if (chats.isEmpty()) {
            return List.of();
        }
        String[] channels = chats.stream().map(ChatAddress::channel).toArray(String[]::new);
        String[] ids = chats.stream().map(ChatAddress::chatId).toArray(String[]::new);
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into survey_invitation (survey_id, channel, chat_id, invited_at)
                    select ?, t.channel, t.chat_id, ? from unnest(?::varchar[], ?::varchar[]) as t(channel, chat_id)
                    on conflict do nothing returning channel, chat_id""");
            ps.setString(1, surveyId);
            ps.setTimestamp(2, now);
            ps.setArray(3, con.createArrayOf("varchar", channels));
            ps.setArray(4, con.createArrayOf("varchar", ids));
            return ps;
        }, (rs, n) -> new ChatAddress(rs.getString(1), rs.getString(2)));
    }

    public long invited(String surveyId) {
        return jdbc.queryForObject("select count(*) from survey_invitation where survey_id = ?", Long.class, surveyId);
    }

    private Survey survey(String surveyId) {
        return catalog.find(surveyId).orElseThrow(() -> new NoSuchElementException("no survey '" + surveyId + "'"));
    }
}
