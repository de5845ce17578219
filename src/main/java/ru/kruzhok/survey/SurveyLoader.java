package ru.kruzhok.survey;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import ru.kruzhok.dialog.DialogFileException;
import ru.kruzhok.dialog.DialogFileException.Problem;
import ru.kruzhok.dialog.YamlReader;
import ru.kruzhok.survey.Survey.Audience;
import ru.kruzhok.survey.Survey.Kind;
import ru.kruzhok.survey.Survey.Question;
import ru.kruzhok.survey.Survey.SkipRule;

/**
 * Reads and checks one survey file. Like the flow loader it walks SnakeYAML's node tree through the
 * shared {@link YamlReader}, so every problem names the file and line, typos in keys are refused,
 * and a survey that could not be answered (a skip to nowhere, a button label that would be cut) never reaches parents.
 */
final class SurveyLoader {

    /** Telegram cuts longer button labels on a phone; the dialog validator uses the same limit. */
    static final int MAX_LABEL = 40;
    static final int MAX_TEXT_ANSWER = 2000;

    private static final Set<String> SURVEY_KEYS = Set.of("title", "intro", "anonymous", "opens", "closes",
            "audience", "per", "questions");
    private static final Set<String> AUDIENCE_KEYS = Set.of("municipalities", "ages");
    private static final Set<String> QUESTION_KEYS = Set.of("id", "kind", "text", "options", "max", "max-length",
            "required", "skip");
    private static final Set<String> SKIP_KEYS = Set.of("if", "to");

    /** @param name the file name for messages, e.g. dialogs/surveys/satisfaction.yaml */
    Survey load(String name, String content) {
        String id = name.substring(name.lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
        if (!id.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
            throw new DialogFileException(name, 1, "a survey file name uses lower-case latin letters, digits, '-' and '_' "
                    + "(it is the survey's id in links and reports): '" + id + "'");
        }
        YamlReader y = new YamlReader(name);
        MappingNode root = y.mapping(y.compose(content), "a survey file starts with 'title:'");
        Map<String, Node> f = y.fields(root, SURVEY_KEYS, "survey");
        String title = y.required(root, f, "title");
        String intro = f.containsKey("intro") ? y.scalar(f.get("intro"), "'intro' must be text") : "";
        boolean anonymous = f.containsKey("anonymous") && y.bool(f.get("anonymous"));
        LocalDate opens = date(y, f.get("opens"));
        LocalDate closes = date(y, f.get("closes"));
        if (opens != null && closes != null && closes.isBefore(opens)) {
            throw y.error(f.get("closes"), "the survey closes (" + closes + ") before it opens (" + opens + ")");
        }
        Audience audience = audience(y, f.get("audience"));
        boolean perChild = false;
        if (f.containsKey("per")) {
            String per = y.scalar(f.get("per"), "'per' is parent or child");
            if (!per.equals("parent") && !per.equals("child")) {
                throw y.error(f.get("per"), "'per' is parent (one response per parent) or child (one per child), not '" + per + "'");
            }
            perChild = per.equals("child");
        }
        Node qs = f.get("questions");
        if (!(qs instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            throw y.error(qs == null ? root : qs, "'questions:' is a list of questions, each starting with '- id:'");
        }
        List<Question> questions = new ArrayList<>();
        Map<String, Node> skipNodes = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        // a question stops at its first problem; every question is read, so all broken ones are named at once
        List<Problem> problems = new ArrayList<>();
        for (Node qn : seq.getValue()) {
            DialogFileException.collect(problems, () -> question(y, qn, skipNodes)).ifPresent(q -> {
                if (!ids.add(q.id())) {
                    problems.add(new Problem(name, YamlReader.line(qn), "the question id '" + q.id() + "' is used twice"));
                } else {
                    questions.add(q);
                }
            });
        }
        DialogFileException.throwIfAny(problems);
        checkSkips(y, questions, skipNodes);
        return new Survey(id, title, intro, anonymous, opens, closes, audience, perChild, List.copyOf(questions), name);
    }

    private Question question(YamlReader y, Node node, Map<String, Node> skipNodes) {
        MappingNode m = y.mapping(node, "a question is a set of 'key: value' starting with '- id:'");
        Map<String, Node> f = y.fields(m, QUESTION_KEYS, "question");
        String id = y.required(m, f, "id");
        if (!id.matches("[a-z0-9][a-z0-9_-]{0,19}")) {
            throw y.error(f.get("id"), "a question id uses lower-case latin letters, digits, '-' and '_' (up to 20): '" + id + "'");
        }
        String kindName = y.required(m, f, "kind");
        Kind kind;
        try {
            kind = Kind.valueOf(kindName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw y.error(f.get("kind"), "unknown kind '" + kindName + "'; known: single, multi, scale, nps, text");
        }
        String text = y.required(m, f, "text");
        boolean required = !f.containsKey("required") || y.bool(f.get("required"));
        List<String> options = List.of();
        if (kind == Kind.SINGLE || kind == Kind.MULTI) {
            Node on = f.get("options");
            if (!(on instanceof SequenceNode os) || os.getValue().size() < 2) {
                throw y.error(on == null ? m : on, "the question '" + id + "' (" + kindName + ") needs 'options:' with at least two answers");
            }
            Set<String> seen = new LinkedHashSet<>();
            for (Node o : os.getValue()) {
                String label = y.scalar(o, "an option is a short text");
                if (label.isBlank()) {
                    throw y.error(o, "an empty option in the question '" + id + "'");
                }
                if (label.length() > MAX_LABEL) {
                    throw y.error(o, "the option '" + label + "' is " + label.length() + " characters; a button shows at most "
                            + MAX_LABEL + " on a phone — shorten it");
                }
                if (!seen.add(label)) {
                    throw y.error(o, "the option '" + label + "' is given twice in the question '" + id + "'");
                }
            }
            options = List.copyOf(seen);
        } else if (f.containsKey("options")) {
            throw y.error(f.get("options"), "a " + kindName + " question has no 'options:' (its answers are "
                    + (kind == Kind.SCALE ? "1–5" : kind == Kind.NPS ? "0–10" : "typed by the parent") + ")");
        }
        int max;
        if (kind == Kind.MULTI) {
            max = f.containsKey("max") ? y.integer(f.get("max")) : options.size();
            if (max < 1 || max > options.size()) {
                throw y.error(f.get("max"), "'max' of the question '" + id + "' must be between 1 and " + options.size()
                        + " (the number of options), not " + max);
            }
        } else if (kind == Kind.TEXT) {
            if (f.containsKey("max")) {
                throw y.error(f.get("max"), "a text question limits its length with 'max-length:', not 'max:'");
            }
            max = f.containsKey("max-length") ? y.integer(f.get("max-length")) : 1000;
            if (max < 1 || max > MAX_TEXT_ANSWER) {
                throw y.error(f.get("max-length"), "'max-length' must be between 1 and " + MAX_TEXT_ANSWER + ", not " + max);
            }
        } else {
            Node extra = f.containsKey("max") ? f.get("max") : f.get("max-length");
            if (extra != null) {
                throw y.error(extra, "a " + kindName + " question has no 'max'/'max-length'");
            }
            max = 1;
        }
        if (kind != Kind.TEXT && f.containsKey("max-length")) {
            throw y.error(f.get("max-length"), "'max-length' is only for text questions");
        }
        List<SkipRule> skip = new ArrayList<>();
        if (f.containsKey("skip")) {
            Node sn = f.get("skip");
            List<Node> rules = sn instanceof SequenceNode ss ? ss.getValue() : List.of(sn);
            for (Node rn : rules) {
                Map<String, Node> rf = y.fields(y.mapping(rn, "a skip rule is { if: \"answer\", to: question }"),
                        SKIP_KEYS, "skip rule");
                String ifValue = y.required((MappingNode) rn, rf, "if");
                String to = y.required((MappingNode) rn, rf, "to");
                if (kind == Kind.TEXT) {
                    throw y.error(rn, "a skip rule needs an answer to compare with; the text question '" + id + "' has none");
                }
                Question probe = new Question(id, kind, text, options, max, required, List.of(), 0);
                if (!probe.choices().contains(ifValue)) {
                    throw y.error(rf.get("if"), "'" + ifValue + "' is not an answer of the question '" + id + "'; answers: "
                            + String.join(", ", probe.choices()));
                }
                skip.add(new SkipRule(ifValue, to));
                skipNodes.put(id + "\u0000" + skip.size(), rf.get("to"));
            }
        }
        return new Question(id, kind, text, options, max, required, List.copyOf(skip), node.getStartMark().getLine() + 1);
    }

    /** A skip goes forward to a question of this survey (or "end"), so a survey always finishes. */
    private static void checkSkips(YamlReader y, List<Question> questions, Map<String, Node> skipNodes) {
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            for (int r = 0; r < q.skip().size(); r++) {
                String to = q.skip().get(r).to();
                Node at = skipNodes.get(q.id() + "\u0000" + (r + 1));
                if (to.equals("end")) {
                    continue;
                }
                int target = -1;
                for (int j = 0; j < questions.size(); j++) {
                    if (questions.get(j).id().equals(to)) {
                        target = j;
                    }
                }
                if (target < 0) {
                    throw y.error(at, "skip to unknown question '" + to + "'; write a question id of this survey or 'end'");
                }
                if (target <= i) {
                    throw y.error(at, "a skip goes forward only: '" + to + "' is not after '" + q.id() + "'");
                }
            }
        }
    }

    private static Audience audience(YamlReader y, Node node) {
        if (node == null) {
            return new Audience(true, Set.of(), null, null);
        }
        if (node instanceof ScalarNode s) {
            if (!s.getValue().equals("everyone")) {
                throw y.error(node, "'audience' is 'everyone' or { municipalities: [...], ages: [from, to] }");
            }
            return new Audience(true, Set.of(), null, null);
        }
        MappingNode m = y.mapping(node, "'audience' is 'everyone' or { municipalities: [...], ages: [from, to] }");
        Map<String, Node> f = y.fields(m, AUDIENCE_KEYS, "audience");
        Set<String> municipalities = new LinkedHashSet<>();
        if (f.containsKey("municipalities")) {
            if (!(f.get("municipalities") instanceof SequenceNode ms)) {
                throw y.error(f.get("municipalities"), "'municipalities' is a list of codes, e.g. [tsentr, zarechny]");
            }
            for (Node n : ms.getValue()) {
                municipalities.add(y.scalar(n, "a municipality code"));
            }
        }
        Integer from = null;
        Integer to = null;
        if (f.containsKey("ages")) {
            if (!(f.get("ages") instanceof SequenceNode as) || as.getValue().size() != 2) {
                throw y.error(f.get("ages"), "'ages' is [from, to], e.g. [5, 18]");
            }
            from = y.integer(as.getValue().get(0));
            to = y.integer(as.getValue().get(1));
            if (from < 0 || to < from) {
                throw y.error(f.get("ages"), "'ages' must be [from, to] with from ≤ to");
            }
        }
        return new Audience(false, Set.copyOf(municipalities), from, to);
    }

    private static LocalDate date(YamlReader y, Node node) {
        if (node == null) {
            return null;
        }
        String v = y.scalar(node, "a date like 2026-03-01 is expected");
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw y.error(node, "'" + v + "' is not a date like 2026-03-01");
        }
    }
}
