package ru.kruzhok.survey;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import ru.kruzhok.staff.AuditLog;

/**
 * {@code POST /api/admin/surveys/{id}/invitations[?municipality=CODE]}: invites the survey's audience
 * (optionally one municipality's) → {@code {"invited": N, "noticeId": id|null}}; 404 for an unknown
 * survey, 409 for one that is not open.
 */
@RestController
class SurveyInvitationController {

    private final SurveyInviter inviter;

    SurveyInvitationController(SurveyInviter inviter) {
        this.inviter = inviter;
    }

    @PostMapping("/api/admin/surveys/{id}/invitations")
    Map<String, Object> invite(@PathVariable String id, @RequestParam(required = false) String municipality) {
        Set<String> reach = municipality == null || municipality.isBlank() ? null : Set.of(municipality.strip());
        SurveyInviter.Result result = inviter.invite(id, reach, AuditLog.ADMIN_API);
        if (result.refusal() == SurveyInviter.Refusal.NOT_FOUND) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no survey '" + id + "'");
        }
        if (result.refusal() == SurveyInviter.Refusal.NOT_OPEN) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "survey '" + id + "' is not open");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("invited", result.invited());
        body.put("noticeId", result.noticeId());
        return body;
    }
}
