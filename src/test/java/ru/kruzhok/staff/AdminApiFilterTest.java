package ru.kruzhok.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The admin API guard on its own: the shared test context has a token configured and one address
 * (localhost) for every test, so "no token" and "locked out" are checked here with mock requests.
 */
class AdminApiFilterTest {

    private static final String TOKEN = "s3cret-token";

    private static MockHttpServletResponse run(AdminApiFilter filter, String path, String address, String auth)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(address);
        if (auth != null) {
            request.addHeader("Authorization", auth);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        if (chain.getRequest() != null && response.getStatus() == 200) {
            response.setStatus(299); // reached the controller
        }
        return response;
    }

    @Test
    void withNoTokenConfiguredTheAdminApiDoesNotExist() throws Exception {
        AdminApiFilter filter = new AdminApiFilter(new AdminApiProperties("", 5, Duration.ofMinutes(1)));
        for (String path : new String[] {"/api/admin/staff", "/api/admin", "/api/admin/programs/import"}) {
            MockHttpServletResponse response = run(filter, path, "10.0.0.1", "Bearer anything");
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(response.getContentAsString()).isEqualTo("{\"error\":\"not found\"}");
        }
        assertThat(run(filter, "/api/web/session", "10.0.0.1", null).getStatus()).isEqualTo(299);
    }

    @Test
    void theRightTokenPassesAndAWrongOneIsUnauthorised() throws Exception {
        AdminApiFilter filter = new AdminApiFilter(new AdminApiProperties(TOKEN, 5, Duration.ofMinutes(1)));
        assertThat(run(filter, "/api/admin/staff", "10.0.0.2", "Bearer " + TOKEN).getStatus()).isEqualTo(299);
        assertThat(run(filter, "/api/admin/staff", "10.0.0.2", "bearer " + TOKEN).getStatus()).isEqualTo(299);
        assertThat(run(filter, "/api/admin/staff", "10.0.0.2", "Bearer " + TOKEN.substring(1)).getStatus()).isEqualTo(401);
        assertThat(run(filter, "/api/admin/staff", "10.0.0.2", "Basic " + TOKEN).getStatus()).isEqualTo(401);
        assertThat(run(filter, "/api/admin/staff", "10.0.0.2", null).getStatus()).isEqualTo(401);
    }

    @Test
    void repeatedFailuresFromOneAddressAreSlowedDownEvenForTheRightToken() throws Exception {
        AdminApiFilter filter = new AdminApiFilter(new AdminApiProperties(TOKEN, 5, Duration.ofMinutes(1)));
        for (int i = 0; i < 5; i++) {
            assertThat(run(filter, "/api/admin/audit", "10.0.0.3", "Bearer guess" + i).getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse locked = run(filter, "/api/admin/audit", "10.0.0.3", "Bearer guess5");
        assertThat(locked.getStatus()).isEqualTo(429);
        assertThat(locked.getContentAsString()).contains("\"error\"");
        assertThat(Long.parseLong(locked.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(run(filter, "/api/admin/audit", "10.0.0.3", "Bearer " + TOKEN).getStatus()).isEqualTo(429);

        // another address is not affected
        assertThat(run(filter, "/api/admin/audit", "10.0.0.4", "Bearer " + TOKEN).getStatus()).isEqualTo(299);
    }
}
