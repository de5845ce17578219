package ru.kruzhok.broadcast;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.kruzhok.broadcast.BroadcastDrafts.Draft;
import ru.kruzhok.broadcast.BroadcastDrafts.State;
import ru.kruzhok.broadcast.BroadcastDrafts.Step;
import ru.kruzhok.channel.Button;
import ru.kruzhok.channel.ChannelRegistry;
import ru.kruzhok.channel.Delivery;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.IncomingAttachment;
import ru.kruzhok.channel.OutgoingFile;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.municipality.Municipality;
import ru.kruzhok.parent.ParentProfiles.AudienceFilter;
import ru.kruzhok.staff.AuditLog;
import ru.kruzhok.staff.StaffAccess;
import ru.kruzhok.staff.StaffButton;
import ru.kruzhok.staff.StaffCommand;
import ru.kruzhok.staff.StaffInput;

/**
 * /broadcast for staff in Telegram: the announcement (text with its formatting, optionally one photo
 * or file) → the audience (their municipality; children's ages; interests; survey non-respondents)
 * → a preview exactly as parents will see it, with the number of recipients → send now, schedule,
 * or drop. While a draft is open, the staff member's messages in that chat belong to it (commands
 * other than /cancel still work as usual). Staff reach only their own municipalities' parents;
 * admins reach everyone. Buttons carry the staff prefix, so a parent's forged press never gets here.
 */
@Component
class BroadcastComposer implements StaffCommand, StaffButton, StaffInput {

    private static final String BUTTONS = StaffButton.prefixFor("bc");
    static final String PREFIX = BUTTONS + ":";
    private static final Pattern AGES = Pattern.compile("(?:от\\s*)?(\\d{1,2})(?:\\s*(?:-|–|—|\\.\\.|до)\\s*(\\d{1,2}))?(?:\\s*(?:лет|года?))?");
    private static final Pattern CANCEL_ARGS = Pattern.compile("(?:cancel|отмена|отменить)\\s+№?(\\d{1,18})");

    private final StaffAccess access;
    private final BroadcastDrafts drafts;
    private final Broadcasts broadcasts;
    private final BroadcastProgress progress;
    private final Municipalities municipalities;
    private final ObjectProvider<SurveyNonRespondents> surveys;
    private final ChannelRegistry channels;
    private final AuditLog audit;
    private final BroadcastProperties properties;
    private final Clock clock;

    BroadcastComposer(StaffAccess access, BroadcastDrafts drafts, Broadcasts broadcasts, BroadcastProgress progress,
                      Municipalities municipalities, ObjectProvider<SurveyNonRespondents> surveys,
                      ChannelRegistry channels, AuditLog audit, BroadcastProperties properties, Clock clock) {
        this.access = access;
        this.drafts = drafts;
        this.broadcasts = broadcasts;
        this.progress = progress;
        this.municipalities = municipalities;
        this.surveys = surveys;
        this.channels = channels;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "broadcast";
    }

    @Override
    public Role role() {
        return Role.STAFF;
    }

    @Override
    public String description() {
        return "Рассылка родителям";
    }

    @Override
    public String prefix() {
        return BUTTONS;
    }

    @Override
    public List<Reply> handle(Incoming in) {
        return in.isPrivate() ? onCommand(in) : say(BroadcastTexts.PRIVATE_ONLY);
    }

    @Override
    public Optional<List<Reply>> press(Incoming in, String data) {
        if (!in.isPrivate() || !data.startsWith(":")) {
            return Optional.empty();
        }
        return Optional.of(onButton(in, data.substring(1)));
    }

    /** While a draft is open, the staff member's messages in that chat (and /cancel) belong to it. */
    @Override
    public Optional<List<Reply>> take(Incoming in) {
        boolean cancel = "cancel".equals(in.command());
        if (!in.isPrivate() || (in.type() != Incoming.Type.TEXT && in.type() != Incoming.Type.ATTACHMENT && !cancel)) {
            return Optional.empty();
        }
        if (!drafts.isOpen(in.chat())) {
            return Optional.empty();
        }
        Draft draft = drafts.find(in.chat()).orElse(null);
        if (draft == null) {
            return Optional.empty();
        }
        if (cancel) {
            drafts.delete(in.chat());
            return Optional.of(say(BroadcastTexts.DROPPED));
        }
        if (in.command() != null) {
            return Optional.empty(); // a caption starting with "/" that is no staff command: not ours
        }
        return Optional.of(onMessage(in, draft));
    }

    // ---- typed -------------------------------------------------------------------------------

    private List<Reply> onCommand(Incoming in) {
        String args = in.commandArgs();
        if (!args.isEmpty()) {
            Matcher m = CANCEL_ARGS.matcher(args.toLowerCase());
            if (!m.matches()) {
                return say(BroadcastTexts.CANCEL_USAGE);
            }
            return say(cancel(in, Long.parseLong(m.group(1))));
        }
        drafts.save(in.chat(), new Draft(in.userId(), State.start(), null));
        return List.of(Reply.text(BroadcastTexts.ASK_CONTENT).withButtonRow(drop()));
    }

    private List<Reply> onMessage(Incoming in, Draft draft) {
        State state = draft.state();
        return switch (state.step()) {
            case CONTENT -> onContent(in, draft);
            case AGES -> onAges(in, draft);
            case TIME -> onTime(in, draft);
            default -> {
                List<Reply> replies = new ArrayList<>(say(BroadcastTexts.BUTTONS_EXPECTED));
                replies.addAll(show(in, draft));
                yield replies;
            }
        };
    }

    private List<Reply> onContent(Incoming in, Draft draft) {
        OutgoingFile file = null;
        if (in.type() == Incoming.Type.ATTACHMENT) {
            IncomingAttachment a = in.attachment();
            boolean usable = a != null && a.fileRef() != null
                    && (a.kind() == IncomingAttachment.Kind.PHOTO || a.kind() == IncomingAttachment.Kind.DOCUMENT);
            if (!usable) {
                return say(BroadcastTexts.CONTENT_EXPECTED);
            }
            if (in.text().isBlank()) {
                return say(BroadcastTexts.NEED_CAPTION);
            }
            Optional<byte[]> bytes = channels.find(in.chat().channel()).flatMap(c -> c.download(a.fileRef()));
            if (bytes.isEmpty()) {
                return say(BroadcastTexts.DOWNLOAD_FAILED);
            }
            if (bytes.get().length > properties.maxFileSize()) {
                return say(BroadcastTexts.FILE_TOO_BIG.formatted(properties.maxFileSize() / (1024 * 1024)));
            }
            file = a.kind() == IncomingAttachment.Kind.PHOTO
                    ? new OutgoingFile(OutgoingFile.Kind.IMAGE, "photo.jpg", "image/jpeg", bytes.get())
                    : OutgoingFile.document(a.fileName() == null || a.fileName().isBlank() ? "file" : a.fileName(),
                            a.mimeType() == null ? "application/octet-stream" : a.mimeType(), bytes.get());
        } else if (in.type() != Incoming.Type.TEXT || in.text().isBlank()) {
            return say(BroadcastTexts.CONTENT_EXPECTED);
        }
        Draft next = draft.with(draft.state().withText(in.textAsMarkup()), file);
        Set<String> mine = access.municipalitiesOf(in);
        if (!access.isAdmin(in) && mine.size() == 1) {
            next = next.with(next.state().withMunicipality(mine.iterator().next()).step(Step.AUDIENCE));
        } else {
            next = next.with(next.state().step(Step.MUNICIPALITY));
        }
        drafts.save(in.chat(), next);
        return show(in, next);
    }

    private List<Reply> onAges(Incoming in, Draft draft) {
        Matcher m = AGES.matcher(in.text().strip().toLowerCase());
        if (in.type() != Incoming.Type.TEXT || !m.matches()) {
            return say(BroadcastTexts.AGES_RETRY);
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        if (from > to || to > 18) {
            return say(BroadcastTexts.AGES_RETRY);
        }
        Draft next = draft.with(draft.state().withAudience("ages", from, to, Set.of(), null).step(Step.CONFIRM));
        drafts.save(in.chat(), next);
        return show(in, next);
    }

    private List<Reply> onTime(Incoming in, Draft draft) {
        ZoneId zone = zoneOf(draft.state());
        Instant now = clock.instant();
        SendTimes.Parsed when = in.type() == Incoming.Type.TEXT ? SendTimes.parse(in.text(), zone, now) : null;
        if (when == null) {
            return say(BroadcastTexts.TIME_RETRY);
        }
        if (!when.ok()) {
            String example = BroadcastTexts.when(now.plusSeconds(24 * 3600), zone).substring(0, 5) + " 18:00";
            return say(BroadcastTexts.TIME_PAST.formatted(example));
        }
        return launch(in, draft, when.at());
    }

    // ---- pressed -----------------------------------------------------------------------------

    private List<Reply> onButton(Incoming in, String action) {
        if (action.equals("drop")) {
            drafts.delete(in.chat());
            return say(BroadcastTexts.DROPPED);
        }
        if (action.startsWith("cancel:")) {
            try {
                return say(cancel(in, Long.parseLong(action.substring("cancel:".length()))));
            } catch (NumberFormatException e) {
                return say(BroadcastTexts.STALE);
            }
        }
        Optional<Draft> found = drafts.find(in.chat());
        if (found.isEmpty()) {
            return say(BroadcastTexts.STALE);
        }
        Draft draft = found.get();
        State s = draft.state();
        String[] parts = action.split(":", 2);
        String arg = parts.length > 1 ? parts[1] : "";
        Draft next = switch (parts[0]) {
            case "m" -> s.step() == Step.MUNICIPALITY ? chooseMunicipality(in, draft, arg) : null;
            case "a" -> s.step() != Step.CONTENT && s.step() != Step.MUNICIPALITY ? chooseAudience(draft, arg) : null;
            case "d" -> s.step() == Step.DIRECTIONS ? toggleDirection(draft, arg) : null;
            case "s" -> s.step() == Step.SURVEY && surveyPort().exists(arg)
                    ? draft.with(s.withAudience("survey", null, null, Set.of(), arg).step(Step.CONFIRM)) : null;
            // from the preview, also after «Запланировать» (changed their mind)
            case "now" -> s.step() == Step.CONFIRM || s.step() == Step.TIME ? draft : null;
            case "later" -> s.step() == Step.CONFIRM || s.step() == Step.TIME ? draft.with(s.step(Step.TIME)) : null;
            default -> null;
        };
        if (next == null) {
            List<Reply> replies = new ArrayList<>(say(BroadcastTexts.BUTTONS_EXPECTED));
            replies.addAll(show(in, draft));
            return replies;
        }
        if (parts[0].equals("m") && next == draft) {
            return say(BroadcastTexts.NOT_YOURS);
        }
        if (parts[0].equals("now")) {
            return launch(in, draft, null);
        }
        if (parts[0].equals("d") && !arg.equals("done")) {
            drafts.save(in.chat(), next);
            return List.of(directionsMenu(next.state()).editingLast());
        }
        if (parts[0].equals("d") && next.state().step() == Step.DIRECTIONS) {
            return say(BroadcastTexts.NEED_DIRECTION);
        }
        drafts.save(in.chat(), next);
        return show(in, next);
    }

    private Draft chooseMunicipality(Incoming in, Draft draft, String code) {
        boolean allowed = State.ALL.equals(code) ? access.isAdmin(in) : access.mayAct(in, code);
        if (!allowed) {
            return draft; // refused: the caller says so
        }
        String normalized = State.ALL.equals(code) ? code : municipalities.find(code).map(Municipality::code).orElseThrow();
        return draft.with(draft.state().withMunicipality(normalized).step(Step.AUDIENCE));
    }

    private Draft chooseAudience(Draft draft, String kind) {
        State s = draft.state();
        return switch (kind) {
            case "all" -> draft.with(s.withAudience("all", null, null, Set.of(), null).step(Step.CONFIRM));
            case "ages" -> draft.with(s.step(Step.AGES));
            case "dirs" -> draft.with(s.withAudience("directions", null, null, Set.of(), null).step(Step.DIRECTIONS));
            case "survey" -> draft.with(s.step(Step.SURVEY));
            case "back" -> draft.with(s.step(Step.AUDIENCE));
            default -> null;
        };
    }

    private Draft toggleDirection(Draft draft, String code) {
        State s = draft.state();
        if (code.equals("done")) {
            return s.directions().isEmpty() ? draft : draft.with(s.step(Step.CONFIRM));
        }
        if (!BroadcastTexts.DIRECTIONS.containsKey(code)) {
            return null;
        }
        Set<String> chosen = new HashSet<>(s.directions());
        if (!chosen.remove(code)) {
            chosen.add(code);
        }
        return draft.with(s.withAudience("directions", null, null, chosen, null));
    }

    // ---- showing a step ----------------------------------------------------------------------

    /** What the bot asks at the draft's current step. */
    private List<Reply> show(Incoming in, Draft draft) {
        State s = draft.state();
        return switch (s.step()) {
            case CONTENT -> List.of(Reply.text(BroadcastTexts.ASK_CONTENT).withButtonRow(drop()));
            case MUNICIPALITY -> List.of(municipalityMenu(in));
            case AUDIENCE -> List.of(audienceMenu(s));
            case AGES -> List.of(Reply.text(BroadcastTexts.ASK_AGES).withButtonRow(drop()));
            case DIRECTIONS -> List.of(directionsMenu(s));
            case SURVEY -> List.of(surveyMenu());
            case TIME -> List.of(Reply.text(BroadcastTexts.ASK_TIME.formatted(BroadcastTexts.zoneName(zoneOf(s))))
                    .withButtonRow(drop()));
            case CONFIRM -> preview(draft);
        };
    }

    private Reply municipalityMenu(Incoming in) {
        Reply reply = Reply.text(BroadcastTexts.CHOOSE_MUNICIPALITY);
        if (access.isAdmin(in)) {
            reply = reply.withButtonRow(Button.action("Все муниципалитеты", PREFIX + "m:" + State.ALL));
        }
        for (String code : access.municipalitiesOf(in)) {
            reply = reply.withButtonRow(Button.action(placeName(code), PREFIX + "m:" + code));
        }
        return reply.withButtonRow(drop());
    }

    private Reply audienceMenu(State s) {
        Reply reply = Reply.text(BroadcastTexts.CHOOSE_AUDIENCE)
                .withButtonRow(Button.action("Всем: " + placeName(s.municipality()), PREFIX + "a:all"))
                .withButtonRow(Button.action("По возрасту детей", PREFIX + "a:ages"))
                .withButtonRow(Button.action("По интересам", PREFIX + "a:dirs"));
        if (!surveyPort().openSurveys().isEmpty()) {
            reply = reply.withButtonRow(Button.action("Кто не прошёл опрос", PREFIX + "a:survey"));
        }
        return reply.withButtonRow(drop());
    }

    private Reply directionsMenu(State s) {
        Reply reply = Reply.text(BroadcastTexts.CHOOSE_DIRECTIONS);
        List<Button> row = new ArrayList<>();
        for (var d : BroadcastTexts.DIRECTIONS.entrySet()) {
            String label = (s.directions().contains(d.getKey()) ? "✅ " : "") + d.getValue();
            row.add(Button.action(label, PREFIX + "d:" + d.getKey()));
            if (row.size() == 2) {
                reply = reply.withButtonRow(row.toArray(Button[]::new));
                row.clear();
            }
        }
        return reply.withButtonRow(Button.action(BroadcastTexts.DONE, PREFIX + "d:done")).withButtonRow(drop());
    }

    private Reply surveyMenu() {
        List<SurveyNonRespondents.SurveyChoice> open = surveyPort().openSurveys();
        if (open.isEmpty()) {
            return Reply.text(BroadcastTexts.NO_SURVEYS)
                    .withButtonRow(Button.action(BroadcastTexts.OTHER_AUDIENCE, PREFIX + "a:back"));
        }
        Reply reply = Reply.text(BroadcastTexts.CHOOSE_SURVEY);
        for (SurveyNonRespondents.SurveyChoice survey : open) {
            reply = reply.withButtonRow(Button.action(survey.title(), PREFIX + "s:" + survey.id()));
        }
        return reply.withButtonRow(Button.action(BroadcastTexts.OTHER_AUDIENCE, PREFIX + "a:back"), drop());
    }

    /** The announcement exactly as parents get it, then who gets it and the choice. */
    private List<Reply> preview(Draft draft) {
        State s = draft.state();
        int count = broadcasts.preview(filterOf(s), s.survey());
        Reply summary = Reply.text(BroadcastTexts.preview(describe(s), count));
        if (count > 0) {
            summary = summary.withButtonRow(Button.action(BroadcastTexts.SEND_NOW, PREFIX + "now"),
                    Button.action(BroadcastTexts.SCHEDULE, PREFIX + "later"));
        }
        summary = summary.withButtonRow(Button.action(BroadcastTexts.OTHER_AUDIENCE, PREFIX + "a:back"), drop());
        return List.of(Broadcasts.messageOf(s.text(), draft.file()), summary);
    }

    // ---- sending, scheduling, cancelling -----------------------------------------------------

    /** Creates the broadcast (now when {@code sendAt} is null) and posts its live progress message. */
    private List<Reply> launch(Incoming in, Draft draft, Instant sendAt) {
        State s = draft.state();
        boolean allowed = State.ALL.equals(s.municipality()) ? access.isAdmin(in) : access.mayAct(in, s.municipality());
        if (!allowed) {
            drafts.delete(in.chat());
            return say(BroadcastTexts.NOT_YOURS);
        }
        String actor = AuditLog.actorOf(in);
        AudienceFilter filter = filterOf(s);
        int count = broadcasts.preview(filter, s.survey());
        long id = broadcasts.create(new Broadcasts.Request(s.text(), draft.file(), filter, s.survey(), sendAt, actor));
        drafts.delete(in.chat());
        String details = "broadcast " + id + " to " + auditScope(s) + ", " + count + " recipients"
                + (draft.file() == null ? "" : ", with a " + (draft.file().kind() == OutgoingFile.Kind.IMAGE ? "photo" : "file"));
        Reply first;
        if (sendAt == null) {
            audit.record(actor, "broadcast.sent", details);
            first = Reply.text(BroadcastTexts.sending(id, count, 0, 0, 0, 0, progress.estimate(count, 0, null)))
                    .withButtonRow(Button.action(BroadcastTexts.STOP, PREFIX + "cancel:" + id));
        } else {
            audit.record(actor, "broadcast.scheduled", details + ", at " + sendAt);
            first = Reply.text(BroadcastTexts.scheduled(id, sendAt, zoneOf(s), count))
                    .withButtonRow(Button.action(BroadcastTexts.UNSCHEDULE, PREFIX + "cancel:" + id));
        }
        Delivery delivery = channels.deliver(in.chat(), first);
        if (delivery.isSent() && delivery.messageId() != null) {
            broadcasts.attachProgress(id, in.chat(), delivery.messageId());
        }
        return List.of();
    }

    /** Cancels a broadcast the person may act for; says what happened. Another's is "not found". */
    private String cancel(Incoming in, long id) {
        Optional<Broadcasts.Scope> scope = broadcasts.scope(id).filter(b -> "announcement".equals(b.kind()));
        boolean allowed = scope.map(b -> access.isAdmin(in)
                || !b.municipalities().isEmpty() && b.municipalities().stream().allMatch(m -> access.mayAct(in, m)))
                .orElse(false);
        if (!allowed) {
            return BroadcastTexts.NOT_FOUND.formatted(id);
        }
        if (!broadcasts.cancel(id)) {
            return BroadcastTexts.ALREADY_OVER.formatted(id);
        }
        audit.record(AuditLog.actorOf(in), "broadcast.cancelled", "broadcast " + id + " (was " + scope.get().status() + ")");
        progress.refresh(id, true);
        return BroadcastTexts.CANCELLED.formatted(id);
    }

    // ---- helpers -----------------------------------------------------------------------------

    static AudienceFilter filterOf(State s) {
        Set<String> codes = State.ALL.equals(s.municipality()) ? Set.of() : Set.of(s.municipality());
        return switch (s.audience() == null ? "all" : s.audience()) {
            case "ages" -> new AudienceFilter(codes, s.ageFrom(), s.ageTo(), Set.of());
            case "directions" -> new AudienceFilter(codes, null, null, s.directions());
            default -> new AudienceFilter(codes, null, null, Set.of());
        };
    }

    private String describe(State s) {
        String surveyTitle = s.survey() == null ? null : surveyPort().openSurveys().stream()
                .filter(x -> x.id().equals(s.survey())).map(SurveyNonRespondents.SurveyChoice::title)
                .findFirst().orElse(s.survey());
        boolean ages = "ages".equals(s.audience());
        return BroadcastTexts.audience(placeName(s.municipality()), ages ? s.ageFrom() : null, ages ? s.ageTo() : null,
                "directions".equals(s.audience()) ? s.directions() : Set.of(),
                "survey".equals(s.audience()) ? surveyTitle : null);
    }

    private static String auditScope(State s) {
        String scope = State.ALL.equals(s.municipality()) ? "all municipalities" : s.municipality();
        return switch (s.audience() == null ? "all" : s.audience()) {
            case "ages" -> scope + ", ages " + s.ageFrom() + "-" + s.ageTo();
            case "directions" -> scope + ", directions " + String.join(",", s.directions());
            case "survey" -> scope + ", not answered " + s.survey();
            default -> scope;
        };
    }

    private String placeName(String code) {
        if (code == null || State.ALL.equals(code)) {
            return "все муниципалитеты";
        }
        return municipalities.find(code).map(Municipality::name).orElse(code);
    }

    private ZoneId zoneOf(State s) {
        return municipalities.find(s.municipality()).map(Municipality::zone).orElse(Municipality.DEFAULT_ZONE);
    }

    private SurveyNonRespondents surveyPort() {
        SurveyNonRespondents port = surveys.getIfAvailable();
        return port != null ? port : NO_SURVEYS;
    }

    private static final SurveyNonRespondents NO_SURVEYS = new SurveyNonRespondents() {
        @Override
        public List<SurveyChoice> openSurveys() {
            return List.of();
        }

        @Override
        public boolean exists(String surveyId) {
            return false;
        }

        @Override
        public List<ru.kruzhok.channel.ChatAddress> notCompleted(String surveyId, List<ru.kruzhok.channel.ChatAddress> chats) {
            return chats;
        }
    };

    private static Button drop() {
        return Button.action(BroadcastTexts.DROP, PREFIX + "drop");
    }

    private static List<Reply> say(String text) {
        return List.of(Reply.text(text));
    }
}
