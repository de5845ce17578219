package ru.kruzhok.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.channel.ChannelRegistry;
import ru.kruzhok.channel.KnownChats;
import ru.kruzhok.parent.ParentProfiles;
import ru.kruzhok.staff.AuditLog;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.support.TestParents;
import ru.kruzhok.support.TelegramParent;
import ru.kruzhok.channel.SendLimit;

/**
 * Staff compose, preview, send, schedule and cancel announcements with /broadcast, through the real
 * TelegramBots client against the fake Bot API. Recipients are parents whose children are born this
 * year ("0" or "0-0" typed as the age range), which no other test's parents are.
 */
class StaffBroadcastTelegramTest extends IntegrationTest {

    private static final byte[] PHOTO = "not really a jpeg, but bytes all the same".getBytes();

    @Autowired JdbcTemplate jdbc;
    @Autowired Broadcasts broadcasts;
    @Autowired BroadcastWorker worker;
    @Autowired BroadcastOutbox outbox;
    @Autowired SendBudget budget;
    @Autowired ChannelRegistry channels;
    @Autowired KnownChats knownChats;
    @Autowired ParentProfiles parentProfiles;
    @Autowired BroadcastProperties properties;
    @Autowired AuditLog audit;
    @Autowired BroadcastProgress progress;
    @Autowired BroadcastDrafts drafts;
    @Autowired BroadcastTexts texts;

    TestParents parents;

    @BeforeEach
    void setUp() {
        parents = new TestParents(jdbc);
    }

    @AfterEach
    void tearDown() {
        parents.deleteAll();
    }

    @Test
    void staffComposeBoldTextWithAPhotoPickAnAgeRangeAndParentsGetExactlyThePreviewOnce() {
        long in1 = newChatId();
        long in2 = newChatId();
        long older = newChatId();
        long elsewhere = newChatId();
        parents.add(in1, "tsentr", 0, true);
        parents.add(in2, "tsentr", 0, true, "arts");
        parents.add(older, "tsentr", 5, true);
        parents.add(elsewhere, "zarechny", 0, true);
        TelegramParent staff = new TelegramParent(TELEGRAM, newStaff("tsentr"));

        assertThat(staff.send("/broadcast").text()).contains("Новая рассылка");
        // "Праздник" bold, "программа" a link, and a "<b>" the staff member typed stays text
        String caption = "Праздник в ДДТ! Вот программа. Скобки <b> не теги";
        int before = staff.messages().size();
        TELEGRAM.sendPhoto(staff.chatId(), PHOTO, caption, List.of(
                Map.of("type", "bold", "offset", 0, "length", 8),
                Map.of("type", "text_link", "offset", 20, "length", 9, "url", "https://example.ru/prog")));
        Call audience = TELEGRAM.awaitMessages(staff.chatId(), before + 1).get(before);
        assertThat(audience.text()).contains("Кому отправить");
        assertThat(audience.buttonLabels()).contains("Всем: Центральный район").noneMatch(l -> l.contains("Заречн"));

        assertThat(staff.press("По возрасту детей").text()).contains("возраст");
        before = staff.messages().size();
        TELEGRAM.sendText(staff.chatId(), "0-0");
        List<Call> shown = TELEGRAM.awaitMessages(staff.chatId(), before + 2);
        Call preview = shown.get(before);
        Call summary = shown.get(before + 1);
        assertThat(preview.method()).isEqualTo("sendPhoto");
        assertThat(preview.text()).isEqualTo("<b>Праздник</b> в ДДТ! Вот <a href=\"https://example.ru/prog\">программа</a>."
                + " Скобки &lt;b&gt; не теги");
        assertThat(photo(preview)).isEqualTo(PHOTO);
        assertThat(summary.text()).contains("Сейчас это 2 родителя").contains("дети 0 лет");
        assertThat(summary.buttonLabels()).contains("🚀 Отправить сейчас", "🗓 Запланировать");

        Call started = staff.press("Отправить сейчас");
        assertThat(started.text()).contains("Рассылка №").contains("идёт");
        int progressMessage = TelegramParent.messageId(started);
        long id = broadcastId(started.text());

        List<Call> delivered = new java.util.ArrayList<>();
        for (long chat : List.of(in1, in2)) {
            List<Call> got = TELEGRAM.awaitDelivered(chat, 1);
            assertThat(got).hasSize(1);
            assertThat(got.get(0).method()).isEqualTo("sendPhoto");
            assertThat(got.get(0).text()).isEqualTo(preview.text());
            assertThat(TELEGRAM.sentFile(got.get(0), "photo")).isEqualTo(PHOTO);
            assertThat(got.get(0).params()).doesNotContainKey("allow_paid_broadcast");
            delivered.add(got.get(0));
        }
        // the photo went up once; the other parent got it by the file_id Telegram answered with
        assertThat(delivered).filteredOn(c -> photo(c) != null).hasSize(1);
        Call report = awaitEdit(staff.chatId(), progressMessage, "завершена");
        assertThat(report.text()).contains("Доставлено: 2 из 2").contains("Заблокировали бота: 0");
        assertThat(report.buttons()).isEmpty();
        assertThat(TELEGRAM.messagesTo(older)).isEmpty();
        assertThat(TELEGRAM.messagesTo(elsewhere)).isEmpty();
        // delivered exactly once, also after the progress updater has had time to look again
        sleep(1000);
        assertThat(TELEGRAM.deliveredTo(in1)).hasSize(1);

        assertThat(jdbc.queryForObject("select created_by from broadcast where id = ?", String.class, id))
                .isEqualTo("telegram:" + staff.chatId());
        assertThat(audit.latest(50)).anyMatch(e -> e.action().equals("broadcast.sent")
                && e.actor().equals("telegram:" + staff.chatId()) && e.details().contains("broadcast " + id));
    }

    @Test
    void staffChooseInterestsAndAnAdminMayReachEveryMunicipality() {
        long artsTsentr = newChatId();
        long artsZarechny = newChatId();
        long sports = newChatId();
        parents.add(artsTsentr, "tsentr", 0, true, "arts");
        parents.add(artsZarechny, "zarechny", 0, true, "arts");
        parents.add(sports, "zarechny", 0, true, "sports");
        TelegramParent admin = new TelegramParent(TELEGRAM, ADMIN_TELEGRAM_ID);
        admin.send("/broadcast");
        Call menu = admin.send("Выставка **рисунков**: приходите!");
        assertThat(menu.buttonLabels()).contains("Все муниципалитеты", "Центральный район", "Заречный муниципальный округ");
        admin.press("Все муниципалитеты");
        admin.press("По интересам");
        assertThat(admin.press("Художественная").buttonLabels()).contains("✅ Художественная");
        int before = admin.messages().size();
        admin.press("Готово");
        List<Call> shown = TELEGRAM.awaitMessages(ADMIN_TELEGRAM_ID, before + 2);
        // what the admin typed is shown as typed: asterisks without formatting entities are not markup
        assertThat(shown.get(before).text()).isEqualTo("Выставка **рисунков**: приходите!");
        assertThat(shown.get(before + 1).text()).contains("все муниципалитеты").contains("художественная");
        // the count covers everyone interested in arts; this test's parents are two of them
        assertThat(admin.send("/cancel").text()).isEqualTo("Рассылка отменена, черновик удалён. Ничего не отправлено.");
        assertThat(jdbc.queryForObject("select count(*) from broadcast_draft where chat_id = ?", Integer.class,
                String.valueOf(ADMIN_TELEGRAM_ID))).isZero();
    }

    @Test
    void afterChoosingToScheduleStaffMayStillSendNow() {
        long parent = newChatId();
        parents.add(parent, "tsentr", 0, true);
        TelegramParent staff = new TelegramParent(TELEGRAM, newStaff("tsentr"));
        staff.send("/broadcast");
        staff.send("Передумали ждать");
        staff.press("По возрасту детей");
        staff.send("0");
        assertThat(staff.press("Запланировать").buttonLabels()).contains("🚀 Отправить сейчас");
        Call started = staff.press("🚀 Отправить сейчас");
        long id = broadcastId(started.text());
        awaitStatus(id, "done");
        assertThat(TELEGRAM.messagesTo(parent)).extracting(Call::text).containsExactly("Передумали ждать");
    }

    @Test
    void aScheduleInThePastIsRefusedAndCancellingStopsAScheduledBroadcast() {
        long parent = newChatId();
        parents.add(parent, "tsentr", 0, true);
        TelegramParent staff = new TelegramParent(TELEGRAM, newStaff("tsentr"));
        staff.send("/broadcast");
        staff.send("Собрание родителей в пятницу");
        staff.press("По возрасту детей");
        staff.send("0");
        assertThat(staff.press("Запланировать").text()).contains("25.11 18:00").contains("московское");

        assertThat(staff.send("01.01.2020 10:00").text()).contains("уже прошло");
        assertThat(staff.send("завтра вечером").text()).contains("Не получилось понять дату");

        LocalDateTime local = LocalDateTime.now(ZoneId.of("Europe/Moscow")).plusDays(2).withHour(18).withMinute(30)
                .withSecond(0).withNano(0);
        Call scheduled = staff.send(local.format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")));
        assertThat(scheduled.text()).contains("запланирована").contains("18:30");
        long id = broadcastId(scheduled.text());
        assertThat(broadcasts.report(id).orElseThrow().status()).isEqualTo("scheduled");
        assertThat(broadcasts.report(id).orElseThrow().sendAt())
                .isEqualTo(local.atZone(ZoneId.of("Europe/Moscow")).toInstant());

        // the sent draft's buttons say it is closed
        Call closed = staff.press("Отправить сейчас");
        assertThat(closed.text()).isEqualTo("Этот черновик уже закрыт. Начать новую рассылку: /broadcast");

        Call cancelled = staff.press("Отменить рассылку");
        assertThat(cancelled.text()).contains("отменена");
        assertThat(broadcasts.report(id).orElseThrow().status()).isEqualTo("cancelled");
        awaitEdit(staff.chatId(), TelegramParent.messageId(scheduled), "отменена");
        assertThat(TELEGRAM.messagesTo(parent)).isEmpty();
        assertThat(staff.send("/broadcast cancel " + id).text()).contains("уже завершена");
        assertThat(audit.latest(50)).anyMatch(e -> e.action().equals("broadcast.scheduled") && e.details().contains("broadcast " + id))
                .anyMatch(e -> e.action().equals("broadcast.cancelled") && e.details().contains("broadcast " + id));
    }

    @Test
    void cancellingARunningBroadcastFromItsProgressMessageStopsIt() {
        for (int i = 0; i < 40; i++) {
            parents.add(newChatId(), "tsentr", 0, true);
        }
        budget.override("telegram", new SendLimit(5, 1, Duration.ofSeconds(1)));
        try {
            TelegramParent staff = new TelegramParent(TELEGRAM, newStaff("tsentr"));
            staff.send("/broadcast");
            staff.send("Длинная рассылка");
            staff.press("По возрасту детей");
            staff.send("0-0");
            Call started = staff.press("Отправить сейчас");
            long id = broadcastId(started.text());
            Call live = awaitEdit(staff.chatId(), TelegramParent.messageId(started), "Осталось примерно");
            assertThat(live.buttonLabels()).contains("⛔ Остановить рассылку");
            staff.press("⛔ Остановить рассылку");
            assertThat(broadcasts.report(id).orElseThrow().status()).isEqualTo("cancelled");
            Call report = awaitEdit(staff.chatId(), TelegramParent.messageId(started), "отменена");
            assertThat(report.text()).contains("Успели отправить");
            assertThat(broadcasts.report(id).orElseThrow().sent()).isLessThan(40);
        } finally {
            budget.override("telegram", null);
        }
    }

    @Test
    void staffOfOneMunicipalityNeverSeeOrReachAnothersParents() {
        long mine = newChatId();
        long theirs = newChatId();
        parents.add(mine, "tsentr", 0, true);
        parents.add(theirs, "zarechny", 0, true);
        TelegramParent tsentr = new TelegramParent(TELEGRAM, newStaff("tsentr"));
        TelegramParent zarechny = new TelegramParent(TELEGRAM, newStaff("zarechny"));

        tsentr.send("/broadcast");
        Call menu = tsentr.send("Только для своих");
        assertThat(menu.buttonLabels()).noneMatch(l -> l.contains("Заречн") || l.contains("Все муниципалитеты"));
        // a forged municipality choice is not a step of this draft
        assertThat(tsentr.pressData(TelegramParent.messageId(menu), "s:bc:m:zarechny").text()).isEqualTo(menu.text());
        tsentr.press("По возрасту детей");
        Call summary = tsentr.send("0-0");
        assertThat(summary.text()).contains("Сейчас это 1 родитель").contains("Центральный район");
        long id = broadcastId(tsentr.press("Отправить сейчас").text());
        TELEGRAM.awaitDelivered(mine, 1);
        awaitStatus(id, "done");
        assertThat(TELEGRAM.messagesTo(theirs)).isEmpty();

        // nor can they cancel another municipality's broadcast: to them it does not exist
        zarechny.send("/broadcast");
        zarechny.send("Скоро");
        zarechny.press("По возрасту детей");
        zarechny.send("0-0");
        zarechny.press("Запланировать");
        Call scheduled = zarechny.send(LocalDateTime.now(ZoneId.of("Europe/Moscow")).plusDays(3)
                .format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")));
        long theirId = broadcastId(scheduled.text());
        assertThat(tsentr.send("/broadcast cancel " + theirId).text()).isEqualTo("Рассылка №" + theirId + " не найдена.");
        assertThat(tsentr.pressData(TelegramParent.messageId(scheduled), "s:bc:cancel:" + theirId).text())
                .contains("не найдена");
        assertThat(broadcasts.report(theirId).orElseThrow().status()).isEqualTo("scheduled");
        assertThat(zarechny.send("/broadcast cancel " + theirId).text()).contains("отменена");
    }

    @Test
    void aParentTypingBroadcastOrPressingForgedButtonsGetsNothingStaffLike() {
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        Call unknown = parent.send("/nosuchcommand");
        for (String command : List.of("/broadcast", "/broadcast cancel 1", "/cancel")) {
            Call reply = parent.send(command);
            assertThat(reply.text()).as(command).isEqualTo(unknown.text());
            assertThat(reply.buttonLabels()).as(command).isEqualTo(unknown.buttonLabels());
        }
        Call stale = parent.pressData(1, "x:no-such-button");
        for (String payload : List.of("s:bc:now", "s:bc:a:all", "s:bc:cancel:1", "s:bc:m:*")) {
            assertThat(parent.pressData(1, payload).text()).as(payload).isEqualTo(stale.text());
        }
        assertThat(jdbc.queryForObject("select count(*) from broadcast_draft where chat_id = ?", Integer.class,
                String.valueOf(parent.chatId()))).isZero();
    }

    @Test
    void someoneWhoseStaffRoleIsTakenAwayMidDraftFindsTheDraftGoneAsAParentWould() {
        long parent = newChatId();
        parents.add(parent, "tsentr", 0, true);
        long user = newStaff("tsentr");
        TelegramParent staff = new TelegramParent(TELEGRAM, user);
        staff.send("/broadcast");
        Call audience = staff.send("Последнее объявление");
        assertThat(audience.buttonLabels()).contains("Всем: Центральный район");

        int before = TELEGRAM.messagesTo(ADMIN_TELEGRAM_ID).size();
        TELEGRAM.sendText(ADMIN_TELEGRAM_ID, "/staff remove " + user);
        assertThat(TELEGRAM.awaitMessages(ADMIN_TELEGRAM_ID, before + 1).get(before).text()).contains("сняты");

        // the draft's own button now answers as a stale button does for any parent, and sends nothing
        Call stale = new TelegramParent(TELEGRAM, newChatId()).pressData(1, "x:no-such-button");
        Call pressed = staff.press("Всем: Центральный район");
        assertThat(pressed.text()).isEqualTo(stale.text());
        assertThat(pressed.buttonLabels()).isEqualTo(stale.buttonLabels());
        Call cancel = staff.send("/cancel");
        assertThat(cancel.text()).isEqualTo(new TelegramParent(TELEGRAM, newChatId()).send("/cancel").text());
        assertThat(TELEGRAM.messagesTo(parent)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from broadcast where created_by = ?", Integer.class,
                "telegram:" + user)).isZero();
    }

    @Test
    void leavingTheComposerWithStartOrMenuDropsTheDraftAndItsButtonsThenSayItIsClosed() {
        long parent = newChatId();
        parents.add(parent, "tsentr", 0, true);
        TelegramParent staff = new TelegramParent(TELEGRAM, newStaff("tsentr"));
        String closed = "Этот черновик уже закрыт. Начать новую рассылку: /broadcast";
        String dropped = "Рассылка отменена, черновик удалён. Ничего не отправлено.";
        String menu = new TelegramParent(TELEGRAM, newChatId()).send("/menu").text();

        for (String leave : List.of("/menu", "/start")) {
            staff.send("/broadcast");
            assertThat(staff.send("Черновик, который бросят (" + leave + ")").buttonLabels())
                    .contains("Всем: Центральный район");
            // a mistyped command is no way out: it says so and the draft's step comes again
            int typo = staff.messages().size();
            assertThat(staff.send("/brodcast").buttonLabels()).contains("Всем: Центральный район");
            assertThat(staff.messages().get(typo).text()).isEqualTo("Такой команды я не знаю 🙂");
            // nor is /help: it answers, and the draft's buttons stay the ones on screen
            staff.send("/help");
            assertThat(staff.messages().subList(typo, staff.messages().size()))
                    .filteredOn(c -> c.buttonLabels().contains("Всем: Центральный район")).hasSize(2);
            int before = staff.messages().size();
            TELEGRAM.sendText(staff.chatId(), leave);
            List<Call> left = TELEGRAM.awaitMessages(staff.chatId(), before + 2);
            // the staff member is told the draft is gone, then gets what the command always shows
            assertThat(left.get(before).text()).as(leave).isEqualTo(dropped);
            assertThat(left.get(before + 1).text()).as(leave).doesNotContain("кнопкой");
            if (leave.equals("/menu")) {
                assertThat(left.get(before + 1).text()).isEqualTo(menu);
            }
            assertThat(jdbc.queryForObject("select count(*) from broadcast_draft where chat_id = ?", Integer.class,
                    String.valueOf(staff.chatId()))).as(leave).isZero();
            // the left draft's buttons never act: they say it is closed
            assertThat(staff.press("Всем: Центральный район").text()).as(leave).isEqualTo(closed);
            assertThat(staff.press("По возрасту детей").text()).as(leave).isEqualTo(closed);
            // typed text is no longer the draft's either
            assertThat(staff.send("0-0").text()).as(leave).doesNotContain("Сейчас это");
        }
        assertThat(jdbc.queryForObject("select count(*) from broadcast where created_by = ?", Integer.class,
                "telegram:" + staff.chatId())).isZero();
        assertThat(TELEGRAM.messagesTo(parent)).isEmpty();
    }

    @Test
    void afterABroadcastIsSentTheMenuOnScreenBeforeTheComposerWorksAgain() {
        long parent = newChatId();
        parents.add(parent, "tsentr", 0, true);
        TelegramParent staff = new TelegramParent(TELEGRAM, newStaff("tsentr"));
        TelegramParent someParent = new TelegramParent(TELEGRAM, newChatId());
        someParent.send("/menu");
        Call certificate = someParent.press("📄 Сертификат");

        Call menu = staff.send("/menu");
        assertThat(menu.buttonLabels()).contains("📄 Сертификат");
        staff.send("/broadcast");
        staff.send("Между делом");
        staff.press("По возрасту детей");
        staff.send("0");
        Call started = staff.press("Отправить сейчас");
        long id = broadcastId(started.text());
        awaitStatus(id, "done");
        awaitEdit(staff.chatId(), TelegramParent.messageId(started), "завершена");

        // the menu above the composer answers as it did before /broadcast, in a new message below
        // (never in place of the broadcast's report)
        Call opened = staff.pressData(TelegramParent.messageId(menu), menu.callbackData("📄 Сертификат"));
        assertThat(opened.text()).isEqualTo(certificate.text());
        assertThat(opened.buttonLabels()).isEqualTo(certificate.buttonLabels());
        assertThat(opened.method()).isEqualTo("sendMessage");
        // while the sent draft's buttons only say it is closed
        assertThat(staff.press("🗓 Запланировать").text())
                .isEqualTo("Этот черновик уже закрыт. Начать новую рассылку: /broadcast");
        assertThat(TELEGRAM.deliveredTo(parent)).hasSize(1);
    }

    @Test
    void aPhotoAtTheAgeOrTimeStepGetsThatStepsOwnRetryText() {
        parents.add(newChatId(), "tsentr", 0, true);
        TelegramParent staff = new TelegramParent(TELEGRAM, newStaff("tsentr"));
        staff.send("/broadcast");
        staff.send("С фото не туда");
        staff.press("По возрасту детей");

        Call noCaption = sendPhoto(staff, null);
        assertThat(noCaption.text()).startsWith("Не получилось понять возраст").doesNotContain("кнопкой");
        // a caption that reads as an age is still a photo: the step takes typed text
        assertThat(sendPhoto(staff, "0-0").text()).isEqualTo(noCaption.text());

        assertThat(staff.send("0").text()).contains("Сейчас это");
        assertThat(staff.press("Запланировать").text()).contains("25.11 18:00");
        assertThat(sendPhoto(staff, null).text()).startsWith("Не получилось понять дату").doesNotContain("кнопкой");
        assertThat(staff.send("/cancel").text()).isEqualTo("Рассылка отменена, черновик удалён. Ничего не отправлено.");
    }

    @Test
    void paidBroadcastsCarryAllowPaidBroadcastOnlyWhenTurnedOn() {
        long chat = newChatId();
        parents.add(chat, "tsentr", 0, true);
        worker.stop();
        BroadcastWorker paid = new BroadcastWorker("paid-test", broadcasts, outbox, budget, channels, knownChats,
                parentProfiles, withPaid(properties), java.time.Clock.systemUTC());
        try {
            paid.start();
            long id = broadcasts.create(new Broadcasts.Request("Платная рассылка", BroadcastDeliveryTest.NEWBORNS,
                    null, "test"));
            List<Call> got = TELEGRAM.awaitDelivered(chat, 1);
            assertThat(got.get(0).params()).containsEntry("allow_paid_broadcast", true);
            awaitStatus(id, "done");
        } finally {
            paid.stop();
            worker.start();
        }
        long id = broadcasts.create(new Broadcasts.Request("Обычная рассылка", BroadcastDeliveryTest.NEWBORNS,
                null, "test"));
        List<Call> got = TELEGRAM.awaitDelivered(chat, 2);
        assertThat(got.get(1).text()).isEqualTo("Обычная рассылка");
        assertThat(got.get(1).params()).doesNotContainKey("allow_paid_broadcast");
        awaitStatus(id, "done");
    }

    @Test
    void theProgressMessageIsKeptWithTheBroadcastSoAnotherInstanceFinishesItAtMostEveryFewSeconds() {
        long chat = newChatId();
        parents.add(chat, "tsentr", 0, true);
        long staffChat = newChatId();
        progress.stop(); // this instance "crashed" after posting the progress message
        try {
            long id = broadcasts.create(new Broadcasts.Request("После перезапуска", BroadcastDeliveryTest.NEWBORNS,
                    null, "test"));
            broadcasts.attachProgress(id, new ru.kruzhok.channel.ChatAddress("telegram", String.valueOf(staffChat)), "77");
            awaitStatus(id, "done");
            BroadcastProgress restarted = new BroadcastProgress(jdbc, broadcasts, drafts, channels, budget, properties,
                    java.time.Clock.systemUTC(), texts);
            assertThat(restarted.refresh(id, false)).isTrue();
            Call report = awaitEdit(staffChat, 77, "завершена");
            assertThat(report.text()).contains("Доставлено: 1 из 1");
            // the final report is shown once
            assertThat(restarted.refreshDue()).isZero();
            assertThat(restarted.refresh(id, true)).isFalse();
        } finally {
            progress.start();
        }
    }

    @Test
    void progressEditsOfOneBroadcastStayAFewSecondsApart() {
        for (int i = 0; i < 6; i++) {
            parents.add(newChatId(), "tsentr", 0, true);
        }
        long staffChat = newChatId();
        budget.override("telegram", new SendLimit(3, 1, Duration.ofSeconds(1)));
        progress.stop();
        try {
            long id = broadcasts.create(new Broadcasts.Request("Медленно", BroadcastDeliveryTest.NEWBORNS, null, "test"));
            broadcasts.attachProgress(id, new ru.kruzhok.channel.ChatAddress("telegram", String.valueOf(staffChat)), "78");
            BroadcastProgress updater = new BroadcastProgress(jdbc, broadcasts, drafts, channels, budget, properties,
                    java.time.Clock.systemUTC(), texts);
            TELEGRAM.await(all -> broadcasts.report(id).orElseThrow().sent() >= 1, Duration.ofSeconds(10));
            assertThat(updater.refresh(id, false)).isTrue();
            TELEGRAM.await(all -> broadcasts.report(id).orElseThrow().sent() >= 2, Duration.ofSeconds(10));
            assertThat(updater.refresh(id, false)).as("counts changed, but the last edit was just now").isFalse();
            assertThat(updater.refreshDue()).isZero();
            broadcasts.cancel(id);
        } finally {
            budget.override("telegram", null);
            progress.start();
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static BroadcastProperties withPaid(BroadcastProperties p) {
        return new BroadcastProperties(p.workerEnabled(), p.pollInterval(), p.batchSize(), p.senders(), p.lease(),
                p.maxAttempts(), p.retryBackoff(), p.sharedBudget(), p.limits(),
                new BroadcastProperties.PaidBroadcasts(true, 1000), p.progressInterval(), p.draftLifetime(),
                p.maxFileSize());
    }

    /** The staff member sends a photo (caption null: none) and gets the one reply to it. */
    private static Call sendPhoto(TelegramParent staff, String caption) {
        int before = staff.messages().size();
        TELEGRAM.sendPhoto(staff.chatId(), PHOTO, caption, List.of());
        List<Call> got = TELEGRAM.awaitMessages(staff.chatId(), before + 1);
        return got.get(before);
    }

    /** The bytes of the photo a sendPhoto call uploaded. */
    private static byte[] photo(Call call) {
        return call.fileBytes("photo");
    }

    private static long newStaff(String municipality) {
        long user = newChatId();
        int before = TELEGRAM.messagesTo(ADMIN_TELEGRAM_ID).size();
        TELEGRAM.sendText(ADMIN_TELEGRAM_ID, "/staff add " + user + " " + municipality);
        assertThat(TELEGRAM.awaitMessages(ADMIN_TELEGRAM_ID, before + 1).get(before).text()).contains("✅");
        return user;
    }

    private static long broadcastId(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("№(\\d+)").matcher(text);
        assertThat(m.find()).as("a broadcast number in: %s", text).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** Waits for an edit of message {@code messageId} in the chat whose text contains {@code text}. */
    private static Call awaitEdit(long chatId, int messageId, String text) {
        List<Call> calls = TELEGRAM.await(all -> all.stream().anyMatch(c -> isEdit(c, chatId, messageId, text)),
                Duration.ofSeconds(30));
        return calls.stream().filter(c -> isEdit(c, chatId, messageId, text)).reduce((a, b) -> b).orElseThrow();
    }

    private static boolean isEdit(Call c, long chatId, int messageId, String text) {
        return c.method().equals("editMessageText") && String.valueOf(chatId).equals(c.chatId())
                && String.valueOf(messageId).equals(String.valueOf(c.params().get("message_id")))
                && c.text() != null && c.text().contains(text);
    }

    private Broadcasts.Report awaitStatus(long id, String status) {
        return BroadcastReports.awaitStatus(broadcasts, id, status, Duration.ofSeconds(30));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
