package ru.kruzhok.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.ChatUnreachable;
import ru.kruzhok.parent.ParentProfiles;
import org.springframework.context.ApplicationEventPublisher;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;

class StaffCommandsTest extends IntegrationTest {

    @Autowired
    StaffChats staffChats;
    @Autowired
    AuditLog audit;
    @Autowired
    StaffAccess access;
    @Autowired
    ParentProfiles parentProfiles;
    @Autowired
    ApplicationEventPublisher events;

    /** A private-chat message from {@code user} (in Telegram a private chat's id is the user's id). */
    private static Call say(long user, String text) {
        int before = TELEGRAM.messagesTo(user).size();
        TELEGRAM.sendText(user, text);
        List<Call> messages = TELEGRAM.awaitMessages(user, before + 1);
        return messages.get(before);
    }

    private static Call sayInGroup(long group, long user, String text) {
        int before = TELEGRAM.messagesTo(group).size();
        TELEGRAM.enqueue(TELEGRAM.messageUpdate(group, "supergroup", user, text, null));
        return TELEGRAM.awaitMessages(group, before + 1).get(before);
    }

    private static Call press(long user, String payload) {
        int before = TELEGRAM.messagesTo(user).size();
        TELEGRAM.pressButton(user, 1, payload);
        return TELEGRAM.awaitMessages(user, before + 1).get(before);
    }

    private static long newStaff(String municipality) {
        long user = newChatId();
        Call reply = say(ADMIN_TELEGRAM_ID, "/staff add " + user + " " + municipality);
        assertThat(reply.text()).contains("✅");
        return user;
    }

    @Test
    void everyStaffCommandTypedByAParentGetsTheUnknownCommandReply() {
        long parent = newChatId();
        Call unknown = say(parent, "/nosuchcommand");
        for (String command : List.of("/staff list", "/staff add " + parent + " tsentr", "/stats", "/audit",
                "/bind tsentr", "/unbind", "/stats@kruzhok_bot tsentr")) {
            Call reply = say(parent, command);
            assertThat(reply.method()).as(command).isEqualTo(unknown.method());
            assertThat(reply.text()).as(command).isEqualTo(unknown.text());
            assertThat(reply.buttonLabels()).as(command).isEqualTo(unknown.buttonLabels());
        }
        assertThat(access.isStaff(parent)).isFalse();
    }

    @Test
    void aForgedStaffButtonFromAParentGetsTheStaleButtonReply() {
        long parent = newChatId();
        Call stale = press(parent, "x:no-such-button");
        for (String payload : List.of("s:bc:confirm:1", "s:anything")) {
            Call reply = press(parent, payload);
            assertThat(reply.method()).isEqualTo(stale.method());
            assertThat(reply.text()).isEqualTo(stale.text());
        }
    }

    @Test
    void adminOnlyCommandsAreUnknownToStaffToo() {
        long staff = newStaff("tsentr");
        Call unknown = say(staff, "/nosuchcommand");
        assertThat(say(staff, "/staff list").text()).isEqualTo(unknown.text());
        assertThat(say(staff, "/audit").text()).isEqualTo(unknown.text());
    }

    @Test
    void staffHelpListsTheCommandsTheirRoleAllowsAfterTheParentsHelp() {
        long staff = newStaff("tsentr");
        long parent = newChatId();
        String parentsHelp = say(parent, "/help").text();

        int before = TELEGRAM.messagesTo(staff).size();
        TELEGRAM.sendText(staff, "/help");
        List<Call> replies = TELEGRAM.awaitMessages(staff, before + 2);
        assertThat(replies.get(before).text()).isEqualTo(parentsHelp);
        assertThat(replies.get(before + 1).text()).contains("/broadcast — Рассылка родителям", "/import", "/reload",
                "/results", "/invite", "/event", "/stats").doesNotContain("/audit", "/suggestions");

        before = TELEGRAM.messagesTo(ADMIN_TELEGRAM_ID).size();
        TELEGRAM.sendText(ADMIN_TELEGRAM_ID, "/help");
        assertThat(TELEGRAM.awaitMessages(ADMIN_TELEGRAM_ID, before + 2).get(before + 1).text())
                .contains("/audit — Журнал действий сотрудников", "/suggestions", "/staff");
    }

    @Test
    void adminAddsStaffWhoThenGetsTheStaffMenuAndCanBeRemoved() {
        long user = newChatId();
        Call added = say(ADMIN_TELEGRAM_ID, "/staff add " + user + " tsentr");
        assertThat(added.text()).contains("✅").contains("Центральный район");
        assertThat(access.mayAct(user, "tsentr")).isTrue();
        assertThat(access.mayAct(user, "zarechny")).isFalse();
        assertThat(access.isAdmin(user)).isFalse();

        // the staff menu is published in the new staff member's private chat only
        List<Call> menus = TELEGRAM.await(calls -> calls.stream().anyMatch(c -> isMenuFor(c, user)), Duration.ofSeconds(10));
        Call menu = menus.stream().filter(c -> isMenuFor(c, user)).reduce((a, b) -> b).orElseThrow();
        assertThat(String.valueOf(menu.params().get("commands"))).contains("stats").contains("bind").doesNotContain("audit");

        assertThat(say(ADMIN_TELEGRAM_ID, "/staff list").text()).contains(String.valueOf(user));
        assertThat(say(ADMIN_TELEGRAM_ID, "/staff remove " + user).text()).contains("✅");
        assertThat(access.isStaff(user)).isFalse();
        TELEGRAM.await(calls -> calls.stream().filter(c -> isMenuFor(c, user)).count() >= 2, Duration.ofSeconds(10));

        assertThat(audit.latest(50)).extracting(AuditLog.Entry::details)
                .contains("user " + user + " role tsentr", "user " + user + " role all");
    }

    @Test
    void adminCanNameAPersonWhoHasWrittenByUsername() {
        long user = newChatId();
        say(user, "/start"); // the fake server gives every user the name "parent<id>"
        assertThat(say(ADMIN_TELEGRAM_ID, "/staff add @parent" + user + " zarechny").text()).contains("✅");
        assertThat(access.mayAct(user, "zarechny")).isTrue();
        assertThat(say(ADMIN_TELEGRAM_ID, "/staff add @nobody_wrote_this_" + user + " zarechny").text())
                .isEqualTo(StaffRosterCommand.UNKNOWN_PERSON);
    }

    @Test
    void configuredAdminsCannotBeRemovedByCommand() {
        assertThat(say(ADMIN_TELEGRAM_ID, "/staff remove " + ADMIN_TELEGRAM_ID).text()).contains("STAFF_TELEGRAM_IDS");
        assertThat(access.isAdmin(ADMIN_TELEGRAM_ID)).isTrue();
    }

    @Test
    void staffBindAndUnbindTheirMunicipalitysGroupButNotAnothers() {
        long staff = newStaff("tsentr");
        long group = -newChatId();
        ChatAddress groupChat = new ChatAddress("telegram", String.valueOf(group));

        // an unbound group: everything but /bind is ignored, so the first answer is to /bind
        TELEGRAM.enqueue(TELEGRAM.messageUpdate(group, "supergroup", staff, "/start", null));
        TELEGRAM.enqueue(TELEGRAM.messageUpdate(group, "supergroup", staff, "/stats", null));
        Call refused = sayInGroup(group, staff, "/bind zarechny");
        assertThat(TELEGRAM.messagesTo(group)).hasSize(1);
        assertThat(refused.text()).isEqualTo(StaffChatCommands.NOT_YOURS);
        assertThat(staffChats.municipalityOfStaffChat(groupChat)).isEmpty();

        Call bound = sayInGroup(group, staff, "/bind tsentr");
        assertThat(bound.text()).contains("Готово").contains("Центральный район");
        assertThat(staffChats.staffChatOf("tsentr")).contains(groupChat);
        assertThat(staffChats.municipalityOfStaffChat(groupChat)).contains("tsentr");

        // staff of another municipality cannot unbind it; a parent is not even answered
        long other = newStaff("zarechny");
        assertThat(sayInGroup(group, other, "/unbind").text()).isEqualTo(StaffChatCommands.NOT_YOURS);
        long parent = newChatId();
        TELEGRAM.enqueue(TELEGRAM.messageUpdate(group, "supergroup", parent, "/unbind", null));
        Call unbound = sayInGroup(group, staff, "/unbind");
        assertThat(unbound.text()).contains("отвязана");
        assertThat(staffChats.staffChatOf("tsentr")).isEmpty();

        // another test may have bound a tsentr group before: then the bind says which one it replaced
        assertThat(audit.latest(50)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("chat.bind");
            assertThat(e.details()).startsWith("municipality tsentr chat " + groupChat.key());
        });
        assertThat(audit.latest(50)).extracting(AuditLog.Entry::action, AuditLog.Entry::details)
                .contains(org.assertj.core.groups.Tuple.tuple("chat.unbind", "municipality tsentr chat " + groupChat.key()));
    }

    @Test
    void bindOutsideAGroupExplainsWhereToSendIt() {
        long staff = newStaff("tsentr");
        assertThat(say(staff, "/bind tsentr").text()).startsWith("Эту команду нужно отправить в группе специалистов");
    }

    @Test
    void staffSeeOnlyTheirOwnMunicipalitysStats() {
        long staff = newStaff("tsentr");
        String stats = say(staff, "/stats").text();
        assertThat(stats).contains("Центральный район").contains("Родителей").doesNotContain("Заречный")
                .doesNotContain("все муниципалитеты");
        assertThat(say(staff, "/stats zarechny").text()).isEqualTo(StatsCommand.NOT_YOURS);
        assertThat(say(staff, "/stats tsentr").text()).contains("Центральный район");

        String all = say(ADMIN_TELEGRAM_ID, "/stats").text();
        assertThat(all).contains("все муниципалитеты").contains("Центральный район").contains("Заречный");
    }

    @Test
    void statsCountAMunicipalitysParentsTheirSettingsAndWhoBlockedTheBot() {
        long staff = newStaff("zarechny");
        Map<String, Long> before = statsFigures(say(staff, "/stats").text());

        ChatAddress listening = new ChatAddress("telegram", String.valueOf(newChatId()));
        ChatAddress quiet = new ChatAddress("telegram", String.valueOf(newChatId()));
        for (ChatAddress chat : List.of(listening, quiet)) {
            parentProfiles.consent(chat);
            parentProfiles.setMunicipality(chat, "zarechny");
        }
        parentProfiles.setNotifications(quiet, false);
        events.publishEvent(new ChatUnreachable(quiet, "blocked"));
        try {
            Map<String, Long> after = statsFigures(say(staff, "/stats").text());
            assertThat(after.get("Родителей") - before.get("Родителей")).isEqualTo(2);
            assertThat(after.get("новых за неделю") - before.get("новых за неделю")).isEqualTo(2);
            assertThat(after.get("С согласием на обработку данных") - before.get("С согласием на обработку данных"))
                    .isEqualTo(2);
            assertThat(after.get("С включёнными уведомлениями") - before.get("С включёнными уведомлениями"))
                    .isEqualTo(1);
            assertThat(after.get("Недоступны (заблокировали бота)") - before.get("Недоступны (заблокировали бота)"))
                    .isEqualTo(1);
        } finally {
            parentProfiles.delete(listening);
            parentProfiles.delete(quiet);
        }
    }

    /** "Label: N" pairs of a /stats message, and "новых за неделю: N". */
    private static Map<String, Long> statsFigures(String stats) {
        Map<String, Long> figures = new java.util.HashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([А-Яа-яё][А-Яа-яё() ]*): (\\d+)").matcher(stats);
        while (m.find()) {
            figures.put(m.group(1).strip(), Long.parseLong(m.group(2)));
        }
        return figures;
    }

    @Test
    void adminsReadTheAuditLogInTheChat() {
        long user = newStaff("zarechny");
        String log = say(ADMIN_TELEGRAM_ID, "/audit 5").text();
        assertThat(log).contains("staff.add").contains("user " + user + " role zarechny")
                .contains("telegram:" + ADMIN_TELEGRAM_ID);
    }

    @Test
    void nobodyInTheWebChatIsStaffEvenWithAnAdminsId() {
        String id = String.valueOf(ADMIN_TELEGRAM_ID);
        ru.kruzhok.channel.Incoming web = ru.kruzhok.channel.Incoming.text("web-1", new ChatAddress("web", id), id, "/stats");
        assertThat(access.isStaff(web)).isFalse();
        assertThat(access.isAdmin(web)).isFalse();
        assertThat(access.municipalitiesOf(web)).isEmpty();
        ru.kruzhok.channel.Incoming telegram = ru.kruzhok.channel.Incoming.text("tg-1", new ChatAddress("telegram", id), id, "/stats");
        assertThat(access.isAdmin(telegram)).isTrue();
        assertThat(access.municipalitiesOf(telegram)).containsExactlyInAnyOrder("tsentr", "zarechny");
    }

    private static boolean isMenuFor(Call call, long user) {
        if (!call.method().equals("setMyCommands")) {
            return false;
        }
        Object scope = call.params().get("scope");
        return scope instanceof Map<?, ?> m && String.valueOf(user).equals(String.valueOf(m.get("chat_id")));
    }
}
