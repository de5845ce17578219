package ru.kruzhok.broadcast;

import java.util.List;

import ru.kruzhok.channel.ChatAddress;

/**
 * What announcements need to know about surveys, so staff can remind the parents who have not
 * answered one. The survey feature implements it; broadcast never reads survey tables.
 */
public interface SurveyNonRespondents {

    /** A survey staff may remind parents of. */
    record SurveyChoice(String id, String title) {
    }

    /** The surveys open today, for staff to choose from. */
    List<SurveyChoice> openSurveys();

    /** Whether a survey of this id exists. */
    boolean exists(String surveyId);

    /**
     * Of {@code chats}, those the survey is for whose parent has not completed it, in the same order.
     */
    List<ChatAddress> notCompleted(String surveyId, List<ChatAddress> chats);
}
