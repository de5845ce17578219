package ru.kruzhok.dialog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import ru.kruzhok.dialog.DialogModel.ButtonDef;
import ru.kruzhok.dialog.DialogModel.Dialogs;
import ru.kruzhok.dialog.DialogModel.Flow;
import ru.kruzhok.dialog.DialogModel.Source;
import ru.kruzhok.dialog.DialogModel.Step;

/**
 * Checks the dialogs against what Java names in them ({@link DialogUses}): every step Java opens
 * exists, every text Java reads exists, and every {placeholder} in a text, a step's text, a button
 * or a retry text is one the bot fills there: in flows the municipal ones, {@code var.*} and the
 * step's provider's own; in a text Java reads, those Java fills in it. Every problem is reported,
 * in Russian.
 */
final class DialogContract {

    private final Set<String> steps;
    private final Set<String> staffFlows;
    private final Map<String, Set<String>> javaTexts;
    private final Map<String, Set<String>> providerPlaceholders;
    private final Set<String> common;
    private final Map<String, String> oldSpellings;

    /**
     * @param common       placeholders every text in a flow may use (the municipal ones)
     * @param oldSpellings former spellings of placeholders, with the one to write now
     */
    DialogContract(List<DialogUses> uses, Set<String> common, Map<String, String> oldSpellings) {
        Set<String> s = new TreeSet<>();
        Set<String> f = new TreeSet<>();
        Map<String, Set<String>> t = new LinkedHashMap<>();
        Map<String, Set<String>> p = new HashMap<>();
        for (DialogUses u : uses) {
            s.addAll(u.steps());
            f.addAll(u.staffFlows());
            u.texts().forEach((key, fills) -> t.computeIfAbsent(key, k -> new TreeSet<>()).addAll(fills));
            u.providers().forEach((name, fills) -> p.computeIfAbsent(name, k -> new TreeSet<>()).addAll(fills));
        }
        this.steps = s;
        this.staffFlows = f;
        this.javaTexts = t;
        this.providerPlaceholders = p;
        this.common = Set.copyOf(common);
        this.oldSpellings = Map.copyOf(oldSpellings);
    }

    List<DialogFileException.Problem> check(Dialogs dialogs) {
        List<DialogFileException.Problem> problems = new ArrayList<>();
        for (String qualified : steps) {
            int dot = qualified.indexOf('.');
            String flowId = qualified.substring(0, dot);
            String stepId = qualified.substring(dot + 1);
            Flow flow = dialogs.flow(flowId);
            if (flow == null) {
                problems.add(new DialogFileException.Problem("dialogs/" + flowId + ".yaml", 1, "нет сценария «" + flowId
                        + "», а бот сам открывает его шаг «" + stepId + "». Верните сценарий с именем «flow: " + flowId + "»."));
            } else if (flow.step(stepId) == null) {
                problems.add(new DialogFileException.Problem(flow.source().file(), flow.source().line(), "в сценарии «" + flowId
                        + "» нет шага «" + stepId + "», а бот сам открывает его. Верните шаг с этим именем "
                        + "(его можно переписать, но не переименовать)."));
            }
        }
        for (String flowId : staffFlows) {
            Flow flow = dialogs.flow(flowId);
            if (flow == null) {
                problems.add(new DialogFileException.Problem("dialogs/staff/" + flowId + ".yaml", 1, "нет сценария «"
                        + flowId + "», а его открывает команда сотрудника. Верните сценарий с именем «flow: " + flowId + "»."));
            } else if (!flow.staff()) {
                problems.add(new DialogFileException.Problem(flow.source().file(), flow.source().line(), "сценарий «"
                        + flowId + "» — для сотрудников: верните строку «staff: true», иначе его можно открыть родителям."));
            }
        }
        for (Map.Entry<String, Set<String>> text : javaTexts.entrySet()) {
            String key = text.getKey();
            if (!dialogs.texts().containsKey(key)) {
                Source where = dialogs.textSource(key);
                problems.add(new DialogFileException.Problem(where.file(), where.line(), "нет текста «" + key
                        + "», а бот показывает его родителям. Добавьте строку «" + key + ": …» в dialogs/texts.yaml."));
            } else {
                checkPlaceholders(dialogs.text(key), text.getValue(), false, "в тексте «" + key + "»", dialogs.textSource(key), problems);
            }
        }
        Set<String> usedByFlows = new java.util.HashSet<>();
        for (Flow flow : dialogs.flows().values()) {
            if (flow.stale() != null) {
                checkFlowText(dialogs, flow.stale(), common, "в сценарии «" + flow.id() + "» (stale)",
                        flow.source(), problems);
                usedByFlows.add(flow.stale());
            }
            if (flow.closed() != null) {
                checkFlowText(dialogs, flow.closed(), common, "в сценарии «" + flow.id() + "» (closed)",
                        flow.source(), problems);
                usedByFlows.add(flow.closed());
            }
            for (Step step : flow.steps().values()) {
                checkStep(dialogs, flow, step, problems);
                usedByFlows.add(step.text());
                if (step.input() != null) {
                    usedByFlows.add(step.input().retry());
                    usedByFlows.add(step.input().captionRetry());
                }
            }
        }
        // A text neither a flow nor Java is known to show may still be shown: it gets the flows' placeholders.
        for (String key : dialogs.texts().keySet()) {
            if (!usedByFlows.contains(key) && !javaTexts.containsKey(key)) {
                checkPlaceholders(dialogs.text(key), common, true, "в тексте «" + key + "»", dialogs.textSource(key), problems);
            }
        }
        return problems;
    }

    private void checkStep(Dialogs dialogs, Flow flow, Step step, List<DialogFileException.Problem> problems) {
        Set<String> allowed = new TreeSet<>(common);
        if (step.provider() != null) {
            allowed.addAll(providerPlaceholders.getOrDefault(step.provider(), Set.of()));
        }
        String where = "в шаге «" + flow.id() + "." + step.id() + "»";
        checkFlowText(dialogs, step.text(), allowed, where, step.source(), problems);
        for (List<ButtonDef> row : step.buttons()) {
            for (ButtonDef b : row) {
                checkPlaceholders(b.label(), allowed, true, where + " (кнопка «" + b.label() + "»)", b.source(), problems);
                if (b.target() != null && b.target().kind() == Target.Kind.URL) {
                    checkPlaceholders(b.target().ref(), allowed, true, where + " (адрес кнопки)", b.source(), problems);
                }
            }
        }
        if (step.input() != null && step.input().retry() != null) {
            checkFlowText(dialogs, step.input().retry(), allowed, where + " (текст повтора)", step.input().source(), problems);
        }
        if (step.input() != null && step.input().captionRetry() != null) {
            checkFlowText(dialogs, step.input().captionRetry(), allowed, where + " (текст «нужна подпись»)",
                    step.input().source(), problems);
        }
    }

    private void checkFlowText(Dialogs dialogs, String keyOrInline, Set<String> allowed, String where, Source source,
                               List<DialogFileException.Problem> problems) {
        if (keyOrInline == null) {
            return;
        }
        boolean key = dialogs.texts().containsKey(keyOrInline);
        checkPlaceholders(dialogs.text(keyOrInline), allowed, true,
                key ? "в тексте «" + keyOrInline + "» (его показывает " + where.substring(2) + ")" : where,
                key ? dialogs.textSource(keyOrInline) : source, problems);
    }

    private void checkPlaceholders(String template, Set<String> fills, boolean flowText, String where, Source source,
                                   List<DialogFileException.Problem> problems) {
        for (String name : TextTemplates.placeholders(template)) {
            if (fills.contains(name) || name.startsWith("var.") && flowText) {
                continue;
            }
            String now = oldSpellings.get(name);
            String hint = now != null ? " Теперь она пишется {" + now + "}."
                    : fills.isEmpty() ? " Здесь подстановок нет: бот покажет текст как есть."
                    : " Здесь можно: " + String.join(", ", fills.stream().map(f -> "{" + f + "}").toList()) + ".";
            problems.add(new DialogFileException.Problem(source.file(), source.line(),
                    where + " неизвестная подстановка {" + name + "}: бот не знает, что в неё поставить." + hint));
        }
    }
}
