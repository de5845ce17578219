package ru.kruzhok.broadcast;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Button;
import ru.kruzhok.channel.ChannelRegistry;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.Delivery;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.IncomingAttachment;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.OutgoingFile;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.dialog.DialogAction;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.dialog.DialogProvider.Choice;
import ru.kruzhok.dialog.DialogProvider.Content;
import ru.kruzhok.dialog.TextTemplates;
import ru.kruzhok.direction.Direction;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.municipality.Municipality;
import ru.kruzhok.parent.ParentProfiles.AudienceFilter;
import ru.kruzhok.staff.AuditLog;
import ru.kruzhok.staff.StaffAccess;

/**
 * The Java side of {@code dialogs/staff/broadcast.yaml}: the {@code broadcast.*} actions and
 * providers ({@link BroadcastDialogBeans} names them). The flow asks for the announcement (text with
 * its formatting, optionally one photo or file), the municipality (only the staff member's own;
 * admins also «all»), the audience (everyone; children's ages; interests; survey non-respondents),
 * shows a preview exactly as parents will see it with the number of recipients, then sends now or
 * at a time. The choices are the conversation's {@code broadcast.*} variables; the file and whether
 * the draft is still open are in {@link BroadcastDrafts}. Every choice is checked again here: a
 * button only offers what the person may do, and the launch checks the municipality once more.
 */
@Component
class BroadcastComposer {

    /** The flow, as {@code dialogs/staff/broadcast.yaml} names it. */
    static final String FLOW = "broadcast";
    /** Every municipality (admins only), as a value of {@link #MUNICIPALITY}. */
    static final String ALL = "*";

    static final String TEXT = "broadcast.text";
    static final String MUNICIPALITY = "broadcast.municipality";
    static final String AUDIENCE = "broadcast.audience";
    static final String AGE_FROM = "broadcast.age-from";
    static final String AGE_TO = "broadcast.age-to";
    static final String DIRECTIONS = "broadcast.directions";
    static final String SURVEY = "broadcast.survey";

    private static final Pattern AGES = Pattern.compile("(?:от\\s*)?(\\d{1,2})(?:\\s*(?:-|–|—|\\.\\.|до)\\s*(\\d{1,2}))?(?:\\s*(?:лет|года?))?");

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
    private final BroadcastTexts texts;

    BroadcastComposer(StaffAccess access, BroadcastDrafts drafts, Broadcasts broadcasts, BroadcastProgress progress,
                      Municipalities municipalities, ObjectProvider<SurveyNonRespondents> surveys,
                      ChannelRegistry channels, AuditLog audit, BroadcastProperties properties, Clock clock,
                      BroadcastTexts texts) {
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
        this.texts = texts;
    }

    // ---- actions -----------------------------------------------------------------------------

    /**
     * The announcement arrived (the engine has put its markup in {@link #TEXT}): fetches its photo or
     * file and opens the draft. Outcome {@code one} when the staff member has one municipality only,
     * which is then chosen for them.
     */
    String content(DialogContext ctx) {
        Incoming in = ctx.incoming();
        OutgoingFile file = null;
        if (in.type() == Incoming.Type.ATTACHMENT) {
            IncomingAttachment a = in.attachment();
            Optional<byte[]> bytes = channels.find(in.chat().channel()).flatMap(c -> c.download(a.fileRef()));
            if (bytes.isEmpty()) {
                return say(ctx, "broadcast_download_failed");
            }
            if (bytes.get().length > properties.maxFileSize()) {
                return say(ctx, "broadcast_file_too_big",
                        Map.of("broadcast.max-mb", String.valueOf(properties.maxFileSize() / (1024 * 1024))));
            }
            file = a.kind() == IncomingAttachment.Kind.PHOTO
                    ? new OutgoingFile(OutgoingFile.Kind.IMAGE, "photo.jpg", "image/jpeg", bytes.get())
                    : OutgoingFile.document(a.fileName() == null || a.fileName().isBlank() ? "file" : a.fileName(),
                            a.mimeType() == null ? "application/octet-stream" : a.mimeType(), bytes.get());
        }
        drafts.open(ctx.chat(), in.userId() == null ? "" : in.userId(), file);
        Set<String> mine = access.municipalitiesOf(in);
        if (!access.isAdmin(in) && mine.size() == 1) {
            ctx.setVar(MUNICIPALITY, mine.iterator().next());
            return "one";
        }
        return null;
    }

    /** A municipality chosen: the staff member's own, or «all» for an admin. */
    String municipality(DialogContext ctx) {
        if (!drafts.touch(ctx.chat())) {
            return closed(ctx);
        }
        String code = ctx.value();
        boolean allowed = ALL.equals(code) ? access.isAdmin(ctx.incoming()) : access.mayAct(ctx.incoming(), code);
        if (!allowed) {
            return say(ctx, "broadcast_not_yours");
        }
        ctx.setVar(MUNICIPALITY, ALL.equals(code) ? ALL : municipalities.find(code).map(Municipality::code).orElseThrow());
        return null;
    }

    /** Everyone (then the preview), or which kind of narrowing: outcomes ages, directions, survey, no_surveys. */
    String audience(DialogContext ctx) {
        if (!drafts.touch(ctx.chat())) {
            return closed(ctx);
        }
        return switch (String.valueOf(ctx.value())) {
            case "all" -> {
                setAudience(ctx, "all");
                yield null;
            }
            case "ages" -> "ages";
            case "dirs" -> {
                setAudience(ctx, "directions");
                yield "directions";
            }
            case "survey" -> surveyPort().openSurveys().isEmpty() ? "no_surveys" : "survey";
            default -> say(ctx, "broadcast_buttons_expected");
        };
    }

    /** «7-10», «7», «от 7 до 10 лет»: children of those ages (0 to 18). */
    String ages(DialogContext ctx) {
        if (!drafts.touch(ctx.chat())) {
            return closed(ctx);
        }
        Matcher m = AGES.matcher(ctx.value().strip().toLowerCase());
        if (!m.matches()) {
            return DialogAction.RETRY;
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        if (from > to || to > 18) {
            return DialogAction.RETRY;
        }
        setAudience(ctx, "ages");
        ctx.setVar(AGE_FROM, String.valueOf(from));
        ctx.setVar(AGE_TO, String.valueOf(to));
        return null;
    }

    /** Ticks or unticks a direction; the step is redrawn in place. */
    String direction(DialogContext ctx) {
        if (!drafts.touch(ctx.chat())) {
            return closed(ctx);
        }
        String code = ctx.value();
        if (Direction.fromApiName(code).isEmpty()) {
            return DialogAction.STAY;
        }
        Set<String> chosen = directions(ctx);
        if (!chosen.remove(code)) {
            chosen.add(code);
        }
        ctx.setVar(DIRECTIONS, chosen.isEmpty() ? null : String.join(",", chosen));
        return null;
    }

    /** «Готово»: on to the preview once at least one direction is ticked. */
    String directionsDone(DialogContext ctx) {
        if (!drafts.touch(ctx.chat())) {
            return closed(ctx);
        }
        return directions(ctx).isEmpty() ? say(ctx, "broadcast_need_direction") : null;
    }

    /** A survey chosen: its non-respondents are the audience. */
    String survey(DialogContext ctx) {
        if (!drafts.touch(ctx.chat())) {
            return closed(ctx);
        }
        if (!surveyPort().exists(ctx.value())) {
            return say(ctx, "broadcast_buttons_expected");
        }
        setAudience(ctx, "survey");
        ctx.setVar(SURVEY, ctx.value());
        return null;
    }

    /** From the preview: send now, or {@code later} (asks for the time). */
    String confirm(DialogContext ctx) {
        if (!drafts.touch(ctx.chat())) {
            return closed(ctx);
        }
        return "later".equals(ctx.value()) ? "later" : launch(ctx, null);
    }

    /** «Отправить сейчас» at the time question: the staff member changed their mind about scheduling. */
    String sendNow(DialogContext ctx) {
        if (!drafts.touch(ctx.chat())) {
            return closed(ctx);
        }
        return launch(ctx, null);
    }

    /** The time typed for a scheduled announcement. */
    String schedule(DialogContext ctx) {
        if (!drafts.touch(ctx.chat())) {
            return closed(ctx);
        }
        ZoneId zone = zone(ctx);
        Instant now = clock.instant();
        SendTimes.Parsed when = SendTimes.parse(ctx.value(), zone, now);
        if (when == null) {
            return DialogAction.RETRY;
        }
        if (!when.ok()) {
            String example = BroadcastTexts.when(now.plusSeconds(24 * 3600), zone).substring(0, 5) + " 18:00";
            return say(ctx, "broadcast_time_past", Map.of("broadcast.example", example));
        }
        return launch(ctx, when.at());
    }

    /** «Отмена» and /cancel: the draft is deleted, nothing is sent. */
    String drop(DialogContext ctx) {
        drafts.delete(ctx.chat());
        ctx.say(Reply.text(ctx.text("broadcast_dropped")));
        return null;
    }

    // ---- providers ---------------------------------------------------------------------------

    /** The staff member's municipalities; «all» first for an admin. */
    Content municipalityChoices(DialogContext ctx) {
        List<Choice> choices = new ArrayList<>();
        if (access.isAdmin(ctx.incoming())) {
            choices.add(new Choice(ctx.text("broadcast_all_municipalities"), ALL));
        }
        for (String code : access.municipalitiesOf(ctx.incoming())) {
            choices.add(new Choice(placeName(ctx, code), code));
        }
        return new Content(Map.of(), choices, 1);
    }

    /** Everyone in the municipality, by age, by interests, and survey non-respondents when a survey is open. */
    Content audienceChoices(DialogContext ctx) {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(fill(ctx, "broadcast_to_all", Map.of("broadcast.place",
                placeName(ctx, ctx.var(MUNICIPALITY)))), "all"));
        choices.add(new Choice(ctx.text("broadcast_by_age"), "ages"));
        choices.add(new Choice(ctx.text("broadcast_by_interest"), "dirs"));
        if (!surveyPort().openSurveys().isEmpty()) {
            choices.add(new Choice(ctx.text("broadcast_not_answered"), "survey"));
        }
        return new Content(Map.of(), choices, 1);
    }

    /** The six directions, two to a row, ✅ on those ticked. */
    Content directionChoices(DialogContext ctx) {
        Set<String> chosen = directions(ctx);
        // staff read the official names of the directions, parents the short labels
        List<Choice> choices = Arrays.stream(Direction.values())
                .map(d -> new Choice((chosen.contains(d.apiName()) ? "✅ " : "") + d.title(), d.apiName()))
                .toList();
        return new Content(Map.of(), choices, 2);
    }

    Content surveyChoices(DialogContext ctx) {
        List<Choice> choices = surveyPort().openSurveys().stream()
                .map(s -> new Choice(s.title(), s.id())).toList();
        return new Content(Map.of(), choices, 1);
    }

    /**
     * Sends the announcement exactly as parents will get it, then fills the summary: who gets it and
     * how many they are now; «send now» and «schedule» only when somebody would get it.
     */
    Content preview(DialogContext ctx) {
        int count = broadcasts.preview(filterOf(ctx), ctx.var(SURVEY));
        ctx.say(Broadcasts.messageOf(ctx.var(TEXT), drafts.file(ctx.chat()).orElse(null)));
        String summary = fill(ctx, "broadcast_preview", Map.of("broadcast.audience", describe(ctx),
                "broadcast.count", count + " " + parents(ctx, count))).stripTrailing();
        List<Choice> choices = new ArrayList<>();
        if (count > 0) {
            choices.add(new Choice(ctx.text("broadcast_send_now"), "now"));
            choices.add(new Choice(ctx.text("broadcast_schedule"), "later"));
        } else {
            summary += "\n\n" + ctx.text("broadcast_preview_nobody");
        }
        return new Content(Map.of("broadcast.preview", summary), choices, 2);
    }

    /** The time zone the staff member writes the time in: the municipality's. */
    Content time(DialogContext ctx) {
        return Content.of(Map.of("broadcast.zone", zoneName(ctx, zone(ctx))));
    }

    // ---- sending -----------------------------------------------------------------------------

    /**
     * Creates the broadcast (now when {@code sendAt} is null), posts its live progress message (whose
     * id is kept with the broadcast, so it is edited as sending goes) and closes the draft.
     */
    private String launch(DialogContext ctx, Instant sendAt) {
        Incoming in = ctx.incoming();
        String municipality = ctx.var(MUNICIPALITY);
        boolean allowed = municipality != null
                && (ALL.equals(municipality) ? access.isAdmin(in) : access.mayAct(in, municipality));
        OutgoingFile file = drafts.file(ctx.chat()).orElse(null);
        drafts.delete(ctx.chat());
        if (!allowed) {
            ctx.say(Reply.text(ctx.text("broadcast_not_yours")));
            return DialogAction.END;
        }
        String actor = AuditLog.actorOf(in);
        AudienceFilter filter = filterOf(ctx);
        String survey = ctx.var(SURVEY);
        int count = broadcasts.preview(filter, survey);
        long id = broadcasts.create(new Broadcasts.Request(ctx.var(TEXT), file, filter, survey, sendAt, actor));
        String details = "broadcast " + id + " to " + auditScope(ctx) + ", " + count + " recipients"
                + (file == null ? "" : ", with a " + (file.kind() == OutgoingFile.Kind.IMAGE ? "photo" : "file"));
        Reply first;
        if (sendAt == null) {
            audit.record(actor, "broadcast.sent", details);
            first = Reply.text(texts.sending(id, count, 0, 0, 0, 0, progress.estimate(count, 0, null)))
                    .withButtonRow(Button.action(ctx.text("broadcast_stop"), BroadcastCommand.cancelPayload(id)));
        } else {
            audit.record(actor, "broadcast.scheduled", details + ", at " + sendAt);
            ZoneId zone = zone(ctx);
            first = Reply.text(fill(ctx, "broadcast_scheduled", Map.of("broadcast.id", String.valueOf(id),
                            "broadcast.when", BroadcastTexts.when(sendAt, zone), "broadcast.zone", zoneName(ctx, zone),
                            "broadcast.count", String.valueOf(count))).stripTrailing())
                    .withButtonRow(Button.action(ctx.text("broadcast_unschedule"), BroadcastCommand.cancelPayload(id)));
        }
        Delivery delivery = channels.deliver(in.chat(), first);
        if (delivery.isSent() && delivery.messageId() != null) {
            broadcasts.attachProgress(id, in.chat(), delivery.messageId());
        }
        return null;
    }

    // ---- helpers -----------------------------------------------------------------------------

    private void setAudience(DialogContext ctx, String kind) {
        // a new audience choice replaces the previous one's details
        ctx.setVar(AUDIENCE, kind);
        ctx.setVar(AGE_FROM, null);
        ctx.setVar(AGE_TO, null);
        ctx.setVar(DIRECTIONS, null);
        ctx.setVar(SURVEY, null);
    }

    private static Set<String> directions(DialogContext ctx) {
        String v = ctx.var(DIRECTIONS);
        return v == null || v.isBlank() ? new TreeSet<>() : new TreeSet<>(Arrays.asList(v.split(",")));
    }

    static AudienceFilter filterOf(DialogContext ctx) {
        String municipality = ctx.var(MUNICIPALITY);
        Set<String> codes = municipality == null || ALL.equals(municipality) ? Set.of() : Set.of(municipality);
        return switch (String.valueOf(ctx.var(AUDIENCE))) {
            case "ages" -> new AudienceFilter(codes, Integer.valueOf(ctx.var(AGE_FROM)), Integer.valueOf(ctx.var(AGE_TO)),
                    Set.of());
            case "directions" -> new AudienceFilter(codes, null, null, directions(ctx));
            default -> new AudienceFilter(codes, null, null, Set.of());
        };
    }

    /** «Центральный район · дети 7–10 лет» and so on; names are escaped for the markup. */
    private String describe(DialogContext ctx) {
        List<String> parts = new ArrayList<>();
        parts.add(Markup.escape(placeName(ctx, ctx.var(MUNICIPALITY))));
        switch (String.valueOf(ctx.var(AUDIENCE))) {
            case "ages" -> {
                String from = ctx.var(AGE_FROM);
                String to = ctx.var(AGE_TO);
                parts.add(fill(ctx, "broadcast_audience_ages", Map.of("broadcast.ages", from.equals(to) ? from : from + "–" + to)));
            }
            case "directions" -> {
                Set<String> chosen = directions(ctx);
                String names = Arrays.stream(Direction.values()).filter(d -> chosen.contains(d.apiName()))
                        .map(d -> d.title().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
                parts.add(fill(ctx, "broadcast_audience_interests", Map.of("broadcast.directions", names)));
            }
            case "survey" -> {
                String id = ctx.var(SURVEY);
                String title = surveyPort().openSurveys().stream().filter(s -> s.id().equals(id))
                        .map(SurveyNonRespondents.SurveyChoice::title).findFirst().orElse(id);
                parts.add(fill(ctx, "broadcast_audience_survey", Map.of("broadcast.survey", Markup.escape(title))));
            }
            default -> {
                // everyone in the municipality: nothing to add
            }
        }
        return String.join(" · ", parts);
    }

    private static String auditScope(DialogContext ctx) {
        String municipality = ctx.var(MUNICIPALITY);
        String scope = ALL.equals(municipality) ? "all municipalities" : municipality;
        return switch (String.valueOf(ctx.var(AUDIENCE))) {
            case "ages" -> scope + ", ages " + ctx.var(AGE_FROM) + "-" + ctx.var(AGE_TO);
            case "directions" -> scope + ", directions " + String.join(",", directions(ctx));
            case "survey" -> scope + ", not answered " + ctx.var(SURVEY);
            default -> scope;
        };
    }

    private String placeName(DialogContext ctx, String code) {
        if (code == null || ALL.equals(code)) {
            return ctx.text("broadcast_everywhere");
        }
        return municipalities.find(code).map(Municipality::name).orElse(code);
    }

    private ZoneId zone(DialogContext ctx) {
        return municipalities.find(ctx.var(MUNICIPALITY)).map(Municipality::zone).orElse(Municipality.DEFAULT_ZONE);
    }

    private static String zoneName(DialogContext ctx, ZoneId zone) {
        return "Europe/Moscow".equals(zone.getId()) ? ctx.text("broadcast_zone_moscow") : zone.getId();
    }

    /** «1 родитель», «2 родителя», «5 родителей», the three forms from the texts file. */
    private static String parents(DialogContext ctx, int n) {
        String[] forms = ctx.text("broadcast_parents").split("\\s*,\\s*");
        if (forms.length < 3) {
            return forms[forms.length - 1];
        }
        int mod100 = n % 100;
        int mod10 = n % 10;
        if (mod100 >= 11 && mod100 <= 14) {
            return forms[2];
        }
        return mod10 == 1 ? forms[0] : mod10 >= 2 && mod10 <= 4 ? forms[1] : forms[2];
    }

    /** The draft is gone (finished elsewhere, dropped, or expired): says so and leaves the flow. */
    private static String closed(DialogContext ctx) {
        ctx.say(Reply.text(ctx.text("broadcast_closed")));
        return DialogAction.END;
    }

    /** Says a text and stays on the step as it is. */
    private static String say(DialogContext ctx, String key) {
        return say(ctx, key, Map.of());
    }

    private static String say(DialogContext ctx, String key, Map<String, String> values) {
        ctx.say(Reply.text(fill(ctx, key, values)));
        return DialogAction.STAY;
    }

    static String fill(DialogContext ctx, String key, Map<String, String> values) {
        return TextTemplates.fill(ctx.text(key), values::get);
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
        public List<ChatAddress> notCompleted(String surveyId, List<ChatAddress> chats) {
            return chats;
        }
    };
}
