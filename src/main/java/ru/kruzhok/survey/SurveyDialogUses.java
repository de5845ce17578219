package ru.kruzhok.survey;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogUses;

/** The steps, texts and provider placeholders of dialogs/ that surveys name in Java. */
@Component
class SurveyDialogUses implements DialogUses {

    @Override
    public Set<String> steps() {
        return Set.of(SurveyChat.STEP_LIST, SurveyChat.STEP_QUESTION);
    }

    @Override
    public Map<String, Set<String>> texts() {
        Map<String, Set<String>> t = new HashMap<>();
        for (String key : new String[] {"survey_gone", "survey_resumed", "survey_choose_one", "survey_use_buttons",
                "survey_list_none", "survey_list_some", "button_survey_done", "button_survey_skip",
                "button_survey_invitation"}) {
            t.put(key, Set.of());
        }
        t.put("survey_already", Set.of("title"));
        t.put("survey_closed", Set.of("title", "date"));
        t.put("survey_not_open", Set.of("title", "date"));
        t.put("survey_invitation", Set.of("title"));
        t.put("survey_hint_multi", Set.of("max"));
        t.put("survey_hint_text", Set.of("max"));
        t.put("survey_max", Set.of("max"));
        t.put("survey_too_long", Set.of("max"));
        t.put("survey_your_answer", Set.of("answer"));
        return t;
    }

    @Override
    public Map<String, Set<String>> providers() {
        return Map.of("survey.open", Set.of("survey.list"), "survey.question", Set.of("survey.text"));
    }
}
