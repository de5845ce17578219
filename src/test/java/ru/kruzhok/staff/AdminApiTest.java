package ru.kruzhok.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.parent.ParentProfiles;
import ru.kruzhok.support.IntegrationTest;

class AdminApiTest extends IntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    ParentProfiles parentProfiles;
    @Autowired
    StaffAccess access;
    @Autowired
    AuditLog audit;

    private HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutTheRightTokenEveryAdminPathIsUnauthorisedAsJson() throws Exception {
        for (String path : new String[] {"/api/admin/staff", "/api/admin/audit", "/api/admin/parents.csv",
                "/api/admin/programs/import"}) {
            HttpResponse<String> missing = call("GET", path, null, null);
            assertThat(missing.statusCode()).as(path).isEqualTo(401);
            assertThat(missing.body()).isEqualTo("{\"error\":\"unauthorized\"}");
        }
        HttpResponse<String> wrong = call("GET", "/api/admin/staff", ADMIN_TOKEN + "x", null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
    }

    @Test
    void adminsManageStaffOverHttpAndEveryChangeIsAudited() throws Exception {
        long user = newChatId();
        HttpResponse<String> added = call("POST", "/api/admin/staff", ADMIN_TOKEN,
                "{\"telegramId\": " + user + ", \"municipality\": \"zarechny\"}");
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(access.mayAct(user, "zarechny")).isTrue();

        HttpResponse<String> list = call("GET", "/api/admin/staff", ADMIN_TOKEN, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"telegramId\":" + user).contains("\"telegramId\":" + ADMIN_TELEGRAM_ID);

        assertThat(call("POST", "/api/admin/staff", ADMIN_TOKEN, "{\"telegramId\": " + user + ", \"municipality\": \"nowhere\"}")
                .statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/admin/staff", ADMIN_TOKEN, "{\"username\": \"never_seen_" + user + "\", \"municipality\": \"tsentr\"}")
                .statusCode()).isEqualTo(404);

        HttpResponse<String> removed = call("DELETE", "/api/admin/staff?telegramId=" + user + "&municipality=zarechny", ADMIN_TOKEN, null);
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(removed.body()).contains("\"removed\":true");
        assertThat(access.isStaff(user)).isFalse();
        assertThat(call("DELETE", "/api/admin/staff?telegramId=" + ADMIN_TELEGRAM_ID, ADMIN_TOKEN, null).statusCode()).isEqualTo(409);

        HttpResponse<String> log = call("GET", "/api/admin/audit?limit=10", ADMIN_TOKEN, null);
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.body()).contains("\"actor\":\"admin-api\"").contains("user " + user + " role zarechny");
    }

    @Test
    void parentsCsvIsUtf8WithBomInRussianAndTheExportIsAudited() throws Exception {
        long parent = newChatId();
        ChatAddress chat = new ChatAddress("telegram", String.valueOf(parent));
        parentProfiles.consent(chat);
        parentProfiles.setMunicipality(chat, "tsentr");
        parentProfiles.addChild(chat, "Маша", 2018);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/admin/parents.csv"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).build();
        HttpResponse<byte[]> csv = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).contains("text/csv");
        byte[] body = csv.body();
        assertThat(new byte[] {body[0], body[1], body[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, StandardCharsets.UTF_8);
        // in Russian: headers, municipality names, local time with its offset, да/нет
        assertThat(text).startsWith("\uFEFFМессенджер;Чат;Муниципалитет;Согласие дано (местное время);Уведомления")
                .contains("Telegram;" + parent + ";Центральный район;").contains("(UTC+3);да;2018;;да")
                .doesNotContain(";tsentr;", ";yes", ";no")
                .as("children's names stay out of the export").doesNotContain("Маша");
        parentProfiles.delete(chat);
        assertThat(audit.latest(5)).anyMatch(e -> e.action().equals("parents.export") && e.actor().equals("admin-api"));
    }
}
