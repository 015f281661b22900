package org.opendialer.service.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** A JSON client for the REST API of a server started in the test. */
final class Api {

    record Reply(int status, JsonNode json, String body, String contentType) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The administrator every test server has ({@code dialer.admin.password} in the build). */
    static final String ADMIN_PASSWORD = System.getProperty("dialer.admin.password", "admin-password-for-tests");
    private final String credentials;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    Api(int port) {
        this(port, "admin", ADMIN_PASSWORD);
    }

    Api(int port, String username, String password) {
        this(port, basic(username, password));
    }

    private Api(int port, String authorization) {
        this.base = "http://localhost:" + port;
        this.credentials = authorization;
    }

    /** A client that signs in with an API token. */
    static Api withToken(int port, String token) {
        return new Api(port, "Bearer " + token);
    }

    static String basic(String username, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A request to {@code url} signed in as the administrator. */
    static HttpRequest.Builder asAdmin(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic("admin", ADMIN_PASSWORD));
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    /** A body of any media type, e.g. a talk track as {@code text/yaml}. */
    Reply post(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply post(String path, HttpRequest.BodyPublisher body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType).POST(body));
    }

    Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    Reply put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Polls {@code path} until {@code until} holds for its JSON, or fails after {@code timeout}. */
    JsonNode await(String path, Duration timeout, Predicate<JsonNode> until) {
        AtomicReference<Reply> last = new AtomicReference<>();
        try {
            Awaitility.await("GET " + path).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        last.set(get(path));
                        return until.test(last.get().json());
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("gave up waiting on " + path + "; last answer: "
                    + (last.get() == null ? "none" : last.get().body()), e);
        }
        return last.get().json();
    }

    /** Waits until a {@code serve} process answers its health check; fails at once if the process exits. */
    void awaitUp(Process process, Path log, Duration timeout) {
        try {
            Awaitility.await("serve starts").atMost(timeout).pollInterval(Duration.ofMillis(250))
                    .ignoreException(IllegalStateException.class) // connection refused while starting
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("serve exited: " + Files.readString(log));
                        }
                        return get("/actuator/health").status() == 200;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("serve did not come up: " + readQuietly(log), e);
        }
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", credentials).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = body.isBlank() || !(body.startsWith("{") || body.startsWith("[")) ? null : JSON.readTree(body);
            return new Reply(response.statusCode(), json, body, response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
