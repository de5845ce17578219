package ru.kruzhok.staff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards every {@code /api/admin/**} path, whichever feature serves it (staff, catalog import,
 * broadcasts, surveys): with no ADMIN_API_TOKEN the admin API does not exist (404); otherwise it
 * needs {@code Authorization: Bearer <token>}, compared in constant time (401 when missing or
 * wrong). Each address may fail {@code failureLimit} times per {@code failureWindow}; past that every
 * request from it gets 429 with Retry-After — the right token too, so a guesser learns nothing
 * while locked out. Errors are JSON like every other API error.
 *
 * <p>Behind a reverse proxy, set {@code server.forward-headers-strategy=native} so the address is
 * the client's, not the proxy's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
class AdminApiFilter extends OncePerRequestFilter {

    static final String PREFIX = "/api/admin";
    private static final Logger log = LoggerFactory.getLogger(AdminApiFilter.class);

    private final AdminApiProperties properties;
    private final byte[] expectedDigest;
    private final Cache<String, Bucket> failures;

    AdminApiFilter(AdminApiProperties properties) {
        this.properties = properties;
        this.expectedDigest = properties.enabled() ? sha256(properties.apiToken().strip()) : null;
        this.failures = Caffeine.newBuilder()
                .expireAfterAccess(properties.failureWindow().plus(Duration.ofMinutes(1)))
                .maximumSize(100_000)
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals(PREFIX) || path.startsWith(PREFIX + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!properties.enabled()) {
            json(response, HttpServletResponse.SC_NOT_FOUND, "not found");
            return;
        }
        String address = request.getRemoteAddr();
        Bucket bucket = failures.get(address == null ? "?" : address, key -> newBucket());
        if (bucket.getAvailableTokens() < 1) {
            tooMany(response, bucket);
            return;
        }
        if (!authorised(request.getHeader("Authorization"))) {
            if (!bucket.tryConsume(1)) {
                tooMany(response, bucket);
                return;
            }
            log.warn("Admin API: rejected a request without a valid token from {}", address);
            response.setHeader("WWW-Authenticate", "Bearer");
            json(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean authorised(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        // Digests of equal length, compared with MessageDigest.isEqual: the time taken says nothing
        // about how much of the token was right, nor about its length.
        return MessageDigest.isEqual(expectedDigest, sha256(header.substring(7).strip()));
    }

    private void tooMany(HttpServletResponse response, Bucket bucket) throws IOException {
        long waitNanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos) + 1);
        response.setHeader("Retry-After", String.valueOf(seconds));
        json(response, 429, "too many failed attempts, retry later");
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(properties.failureLimit())
                        .refillGreedy(properties.failureLimit(), properties.failureWindow()).build())
                .build();
    }

    private static void json(HttpServletResponse response, int status, String error) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"error\":\"" + error + "\"}");
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
