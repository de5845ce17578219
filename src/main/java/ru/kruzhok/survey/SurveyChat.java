package ru.kruzhok.survey;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.dialog.DialogProvider.Choice;
import ru.kruzhok.dialog.DialogProvider.Content;
import ru.kruzhok.parent.ParentProfile;
import ru.kruzhok.parent.ParentProfiles;
import ru.kruzhok.survey.SurveyResponses.Progress;
import ru.kruzhok.survey.SurveyResponses.Respondent;
import ru.kruzhok.survey.SurveyResponses.Start;
import ru.kruzhok.survey.Survey.Kind;
import ru.kruzhok.survey.Survey.Question;

/**
 * What the surveys flow ({@code dialogs/surveys.yaml}) does in the chat: lists the surveys a parent
 * may answer, shows the current question with its answers as buttons, takes answers, steps back.
 * The conversation keeps only which survey (and child) is being answered; where the parent is in it
 * lives in {@link SurveyResponses}.
 */
@Component
class SurveyChat {

    static final String OUTCOME_DONE = "done";
    static final String OUTCOME_CLOSED = "closed";
    static final String OUTCOME_FIRST = "first";
    static final String STEP_LIST = "surveys.list";
    static final String STEP_QUESTION = "surveys.question";
    private static final String VAR_SURVEY = "survey";
    private static final String VAR_CHILD = "survey_child";
    private static final String VAR_CHILD_LABEL = "survey_child_label";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("ru"));

    private final SurveyCatalog catalog;
    private final SurveyResponses responses;
    private final ParentProfiles profiles;
    private final Clock clock;

    SurveyChat(SurveyCatalog catalog, SurveyResponses responses, ParentProfiles profiles, Clock clock) {
        this.catalog = catalog;
        this.responses = responses;
        this.profiles = profiles;
        this.clock = clock;
    }

    // ---- the list -----------------------------------------------------------------------------

    /** survey.open: the surveys open (or opening soon) for this parent, one button per survey or per child. */
    Content openSurveys(DialogContext ctx) {
        Optional<ParentProfile> profile = profiles.find(ctx.chat());
        LocalDate today = today();
        List<Choice> choices = new ArrayList<>();
        for (Survey s : catalog.all()) {
            if (s.closes() != null && today.isAfter(s.closes())) {
                continue;
            }
            String mark = s.isOpen(today) ? "📝 " : "🕒 ";
            for (Target target : targets(s, profile.orElse(null), ctx.municipality())) {
                Respondent who = target.respondent(ctx);
                String state = responses.answered(s, who) ? "✅ " : responses.current(s, who).isPresent() ? "▶️ " : mark;
                String label = state + s.title() + (target.childLabel == null ? "" : " — " + target.childName);
                choices.add(new Choice(shorten(label), target.value(s)));
            }
        }
        String text = ctx.text(choices.isEmpty() ? "survey_list_none" : "survey_list_some");
        return new Content(Map.of("survey.list", text), choices, 1);
    }

    /** survey.begin: starts or resumes the chosen survey; says so politely when it is not open or already answered. */
    String begin(DialogContext ctx) {
        String value = ctx.value() == null ? "" : ctx.value();
        String[] parts = value.split(":");
        Optional<Survey> survey = parts.length >= 2 ? catalog.find(parts[1]) : Optional.empty();
        if (survey.isEmpty()) {
            ctx.say(Reply.text(ctx.text("survey_gone")));
            return OUTCOME_CLOSED;
        }
        Survey s = survey.get();
        if (!s.isOpen(today())) {
            boolean notYet = s.opens() != null && today().isBefore(s.opens());
            String text = ctx.text(notYet ? "survey_not_open" : "survey_closed")
                    .replace("{title}", Markup.escape(s.title()))
                    .replace("{date}", notYet ? DATE.format(s.opens()) : "");
            ctx.say(Reply.text(text));
            return OUTCOME_CLOSED;
        }
        Optional<ParentProfile> profile = profiles.find(ctx.chat());
        Optional<Target> target = targets(s, profile.orElse(null), ctx.municipality()).stream()
                .filter(t -> t.value(s).equals(value)).findFirst();
        if (target.isEmpty()) {
            ctx.say(Reply.text(ctx.text("survey_gone")));
            return OUTCOME_CLOSED;
        }
        Respondent who = target.get().respondent(ctx);
        SurveyResponses.Started started = responses.start(s, who);
        if (started.kind() == Start.ALREADY_ANSWERED) {
            ctx.say(Reply.text(ctx.text("survey_already").replace("{title}", Markup.escape(s.title()))));
            return OUTCOME_CLOSED;
        }
        ctx.setVar(VAR_SURVEY, s.id());
        ctx.setVar(VAR_CHILD, target.get().childKey);
        ctx.setVar(VAR_CHILD_LABEL, target.get().childLabel);
        if (started.kind() == Start.RESUMED) {
            ctx.say(Reply.text(ctx.text("survey_resumed")));
        } else if (!s.intro().isBlank()) {
            ctx.say(Reply.text("**" + Markup.escape(s.title()) + "**\n" + Markup.escape(s.intro().strip())));
        }
        return null;
    }

    /**
     * /survey &lt;id&gt; (typed, from an invitation's button, or the deep link /start s_&lt;id&gt;): opens
     * that survey at the parent's current question. A per-child survey opens the list, where the
     * parent picks the child. Returns the step to show.
     */
    String open(DialogContext ctx, String surveyId) {
        String id = surveyId == null ? "" : surveyId.strip();
        Optional<Survey> survey = id.isEmpty() ? Optional.empty() : catalog.find(id);
        if (survey.isEmpty()) {
            ctx.say(Reply.text(ctx.text("survey_gone")));
            return STEP_LIST;
        }
        if (survey.get().perChild() && survey.get().isOpen(today())) {
            return STEP_LIST;
        }
        ctx.setVar("choice", "s:" + id);
        String outcome = begin(ctx);
        ctx.setVar("choice", null);
        return outcome == null ? STEP_QUESTION : STEP_LIST;
    }

    // ---- a question ---------------------------------------------------------------------------

    /** survey.question: the current question, its answers as buttons (✅ on what is chosen), Готово / Пропустить. */
    Content question(DialogContext ctx) {
        Optional<Progress> progress = progress(ctx);
        if (progress.isEmpty() || progress.get().question().isEmpty()) {
            return new Content(Map.of("survey.text", ctx.text("survey_gone")), List.of(), 1);
        }
        Progress p = progress.get();
        Question q = p.question().get();
        List<String> chosen = responses.answers(p.responseId()).getOrDefault(q.id(), List.of());
        Survey s = p.survey();
        StringBuilder text = new StringBuilder();
        text.append("**").append(Markup.escape(s.title())).append("**");
        if (ctx.var(VAR_CHILD_LABEL) != null) {
            text.append(" — ").append(Markup.escape(ctx.var(VAR_CHILD_LABEL)));
        }
        text.append("\nВопрос ").append(s.indexOf(q.id()) + 1).append(" из ").append(s.questions().size())
                .append("\n\n").append(Markup.escape(q.text()));
        if (q.kind() == Kind.MULTI) {
            text.append("\n\n").append(ctx.text("survey_hint_multi").replace("{max}", String.valueOf(q.max())));
        } else if (q.kind() == Kind.TEXT) {
            text.append("\n\n").append(ctx.text("survey_hint_text").replace("{max}", String.valueOf(q.max())));
            if (!chosen.isEmpty()) {
                text.append("\n").append(ctx.text("survey_your_answer").replace("{answer}", Markup.escape(chosen.get(0))));
            }
        }
        List<Choice> choices = new ArrayList<>();
        List<String> answers = q.choices();
        for (int i = 0; i < answers.size(); i++) {
            String a = answers.get(i);
            choices.add(new Choice((chosen.contains(a) ? "✅ " : "") + a, "a" + i));
        }
        int perRow = switch (q.kind()) {
            case SCALE -> 5;
            case NPS -> 6;
            default -> 1;
        };
        if (q.kind() == Kind.MULTI) {
            choices.add(new Choice(ctx.text("button_survey_done"), "done"));
        }
        if (!q.required()) {
            choices.add(new Choice(ctx.text("button_survey_skip"), "skip"));
        }
        return new Content(Map.of("survey.text", text.toString()), choices, perRow);
    }

    /** survey.answer: a pressed answer (or Готово / Пропустить). */
    String answer(DialogContext ctx) {
        Optional<Progress> progress = progress(ctx);
        if (progress.isEmpty() || progress.get().question().isEmpty()) {
            ctx.say(Reply.text(ctx.text("survey_gone")));
            return OUTCOME_CLOSED;
        }
        Progress p = progress.get();
        if (!p.survey().isOpen(today())) {
            ctx.say(Reply.text(ctx.text("survey_closed").replace("{title}", Markup.escape(p.survey().title()))));
            return OUTCOME_CLOSED;
        }
        Question q = p.question().get();
        String value = ctx.value() == null ? "" : ctx.value();
        Progress next;
        if (value.equals("skip") && !q.required()) {
            next = responses.skip(p);
        } else if (value.equals("done") && q.kind() == Kind.MULTI) {
            boolean none = responses.answers(p.responseId()).getOrDefault(q.id(), List.of()).isEmpty();
            if (none && q.required()) {
                ctx.say(Reply.text(ctx.text("survey_choose_one")));
                return null;
            }
            next = responses.finishMulti(p);
        } else if (value.matches("a\\d{1,2}") && Integer.parseInt(value.substring(1)) < q.choices().size()) {
            String answer = q.choices().get(Integer.parseInt(value.substring(1)));
            if (q.kind() == Kind.MULTI) {
                if (!responses.toggle(p, answer)) {
                    ctx.say(Reply.text(ctx.text("survey_max").replace("{max}", String.valueOf(q.max()))));
                }
                return null;
            }
            next = responses.answer(p, answer);
        } else {
            // a button of another question (pressed on an older message of the same window)
            return null;
        }
        return finished(ctx, next);
    }

    /** survey.answer-text: text typed while a question is shown; only a text question takes it. */
    String answerText(DialogContext ctx) {
        Optional<Progress> progress = progress(ctx);
        if (progress.isEmpty() || progress.get().question().isEmpty()) {
            ctx.say(Reply.text(ctx.text("survey_gone")));
            return OUTCOME_CLOSED;
        }
        Progress p = progress.get();
        Question q = p.question().get();
        String value = ctx.value() == null ? "" : ctx.value().strip();
        if (q.kind() != Kind.TEXT || value.isEmpty() || value.length() > q.max()) {
            return ru.kruzhok.dialog.DialogAction.RETRY;
        }
        if (!p.survey().isOpen(today())) {
            ctx.say(Reply.text(ctx.text("survey_closed").replace("{title}", Markup.escape(p.survey().title()))));
            return OUTCOME_CLOSED;
        }
        return finished(ctx, responses.answer(p, value));
    }

    /** The retry text of the question step: why typed text was not taken. */
    Optional<String> retryText(DialogContext ctx) {
        Optional<Question> q = progress(ctx).flatMap(Progress::question);
        if (q.isPresent() && q.get().kind() == Kind.TEXT) {
            return Optional.of(ctx.text("survey_too_long").replace("{max}", String.valueOf(q.get().max())));
        }
        return Optional.of(ctx.text("survey_use_buttons"));
    }

    /** survey.back: to the previous question, or to the list from the first one. */
    String back(DialogContext ctx) {
        Optional<Progress> progress = progress(ctx);
        if (progress.isEmpty()) {
            return OUTCOME_FIRST;
        }
        return responses.back(progress.get()).isPresent() ? null : OUTCOME_FIRST;
    }

    private String finished(DialogContext ctx, Progress next) {
        if (next.completed()) {
            ctx.setVar(VAR_SURVEY, null);
            ctx.setVar(VAR_CHILD, null);
            ctx.setVar(VAR_CHILD_LABEL, null);
            return OUTCOME_DONE;
        }
        return null;
    }

    private Optional<Progress> progress(DialogContext ctx) {
        String id = ctx.var(VAR_SURVEY);
        Optional<Survey> survey = id == null ? Optional.empty() : catalog.find(id);
        if (survey.isEmpty()) {
            return Optional.empty();
        }
        Respondent who = new Respondent(ctx.chat(), ctx.var(VAR_CHILD), ctx.var(VAR_CHILD_LABEL), null);
        return responses.current(survey.get(), who);
    }

    // ---- who may answer -----------------------------------------------------------------------

    /** One way to answer a survey: as the parent, or for one of their children. */
    private record Target(String childKey, String childLabel, String childName, int childIndex, String municipality) {
        String value(Survey s) {
            return "s:" + s.id() + (childIndex < 0 ? "" : ":" + childIndex);
        }

        Respondent respondent(DialogContext ctx) {
            return new Respondent(ctx.chat(), childKey, childLabel, municipality);
        }
    }

    /**
     * The ways this parent may answer: none when the audience does not include them. A survey that is
     * not anonymous keeps personal data, so it needs a profile (consent); per-child surveys need the
     * children from the profile.
     */
    private List<Target> targets(Survey s, ParentProfile profile, String conversationMunicipality) {
        String municipality = profile != null && profile.municipality() != null ? profile.municipality() : conversationMunicipality;
        if (profile == null && (!s.anonymous() || s.perChild() || !s.audience().everyone())) {
            return List.of();
        }
        Survey.Audience a = s.audience();
        if (!a.everyone() && !a.municipalities().isEmpty() && !a.municipalities().contains(municipality)) {
            return List.of();
        }
        List<Target> out = new ArrayList<>();
        if (s.perChild()) {
            for (int i = 0; i < profile.children().size(); i++) {
                ParentProfile.ChildView c = profile.children().get(i);
                if (a.everyone() || inAges(a, c.age())) {
                    String name = c.name() == null || c.name().isBlank() ? "ребёнок " + (i + 1) : c.name();
                    out.add(new Target(name + "|" + c.birthYear(), name + " (" + c.age() + ")", name, i, municipality));
                }
            }
            return out;
        }
        if (!a.everyone() && (a.ageFrom() != null)
                && profile.children().stream().noneMatch(c -> inAges(a, c.age()))) {
            return List.of();
        }
        out.add(new Target("", null, null, -1, municipality));
        return out;
    }

    private static boolean inAges(Survey.Audience a, int age) {
        return (a.ageFrom() == null || age >= a.ageFrom()) && (a.ageTo() == null || age <= a.ageTo());
    }

    /** Whether a parent's profile falls into a survey's audience (for invitations). */
    static boolean inAudience(Survey s, ParentProfile profile) {
        Survey.Audience a = s.audience();
        if (a.everyone()) {
            return true;
        }
        if (!a.municipalities().isEmpty() && !a.municipalities().contains(profile.municipality())) {
            return false;
        }
        return a.ageFrom() == null || profile.children().stream().anyMatch(c -> inAges(a, c.age()));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String shorten(String label) {
        return label.length() <= 40 ? label : label.substring(0, 39) + "…";
    }
}
