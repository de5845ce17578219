package ru.kruzhok.faq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.dialog.DialogProvider.Content;
import ru.kruzhok.parent.ParentProfile;
import ru.kruzhok.parent.ParentProfiles;

/**
 * The conversation's side of a hand-over: what staff see about the parent in the thread's post
 * (children's ages, the FAQ topics the bot tried, the parent's last lines) and what the parent is told
 * afterwards ({@code faq.sent}: sent, off hours with when to expect the answer, kept without a staff
 * group, or blocked). The last lines and tried topics live in the conversation's variables, so they
 * survive a restart, and are forgotten once handed over.
 */
@Component
class DeskHandover {

    static final String LINES = "faq.lines";
    static final String TRIED = "faq.tried";
    static final String OUTCOME = "faq.sent-outcome";
    static final String WHEN = "faq.sent-when";
    private static final int LINES_KEPT = 3;
    private static final int LINE_MAX = 200;
    private static final int TRIED_KEPT = 5;

    private final ParentProfiles profiles;
    private final FaqMatcher matcher;
    private final DeskTexts texts;

    DeskHandover(ParentProfiles profiles, FaqMatcher matcher, DeskTexts texts) {
        this.profiles = profiles;
        this.matcher = matcher;
        this.texts = texts;
    }

    /** Remembers a line the parent typed as a question, for the context staff see. */
    static void rememberLine(DialogContext ctx, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        List<String> lines = new ArrayList<>(ctx.var(LINES) == null ? List.of() : Arrays.asList(ctx.var(LINES).split("\n")));
        lines.add(QuestionDesk.cut(text.replace('\n', ' ').strip(), LINE_MAX));
        ctx.setVar(LINES, String.join("\n", lines.subList(Math.max(0, lines.size() - LINES_KEPT), lines.size())));
    }

    /** Remembers a FAQ topic the bot showed or offered. */
    static void rememberTopic(DialogContext ctx, String topic) {
        if (topic == null) {
            return;
        }
        LinkedHashSet<String> tried = new LinkedHashSet<>(ctx.var(TRIED) == null ? List.of() : Arrays.asList(ctx.var(TRIED).split(",")));
        tried.remove(topic);
        tried.add(topic);
        List<String> kept = new ArrayList<>(tried);
        ctx.setVar(TRIED, String.join(",", kept.subList(Math.max(0, kept.size() - TRIED_KEPT), kept.size())));
    }

    /** The context lines of a question's post, in markup. */
    String context(DialogContext ctx, String question) {
        List<String> out = new ArrayList<>();
        Optional<ParentProfile> profile = profiles.find(ctx.chat());
        if (profile.isPresent() && !profile.get().children().isEmpty()) {
            // a profile exists only after the parent's consent; names appear only when they chose to give one
            out.add("👧 Дети: " + profile.get().children().stream()
                    .map(c -> (c.name() == null || c.name().isBlank() ? "" : Markup.escape(c.name()) + ", ")
                            + c.age() + " " + years(c.age()))
                    .collect(Collectors.joining("; ")));
        } else {
            out.add("👧 Дети: не указаны");
        }
        String tried = ctx.var(TRIED);
        if (tried != null && !tried.isBlank()) {
            out.add("🔎 Бот предлагал: " + Arrays.stream(tried.split(","))
                    .flatMap(id -> matcher.topic(id).stream()).map(t -> "«" + Markup.escape(t.title()) + "»")
                    .collect(Collectors.joining(", ")));
        }
        String lines = ctx.var(LINES);
        if (lines != null && !lines.isBlank()) {
            List<String> earlier = Arrays.stream(lines.split("\n")).filter(l -> !l.isBlank() && !question.startsWith(l.replace("…", "")))
                    .toList();
            if (!earlier.isEmpty()) {
                out.add("💬 Раньше писал(а):\n" + earlier.stream().map(l -> "› " + Markup.escape(l))
                        .collect(Collectors.joining("\n")));
            }
        }
        return String.join("\n", out);
    }

    private static String years(int age) {
        int mod100 = age % 100;
        int mod10 = age % 10;
        if (mod100 >= 11 && mod100 <= 14) {
            return "лет";
        }
        return mod10 == 1 ? "год" : mod10 >= 2 && mod10 <= 4 ? "года" : "лет";
    }

    /** {@code faq.sent}: what the parent is told after «Да, передать вопрос». */
    Content sent(DialogContext ctx) {
        String outcome = ctx.var(OUTCOME);
        String key = switch (outcome == null ? "SENT" : outcome) {
            case "OFF_HOURS" -> DeskTexts.SENT_OFF_HOURS;
            case "NO_GROUP" -> DeskTexts.SENT_NO_GROUP;
            case "NO_MUNICIPALITY" -> DeskTexts.SENT_NO_MUNICIPALITY;
            case "BLOCKED_NOTICE" -> DeskTexts.BLOCKED;
            case "BLOCKED" -> DeskTexts.BLOCKED_AGAIN;
            default -> DeskTexts.SENT;
        };
        String when = ctx.var(WHEN);
        return Content.of(Map.of("faq.sent", texts.text(key, ctx.municipality(),
                Map.of("desk.when", when == null ? "" : Markup.escape(when)))));
    }
}
