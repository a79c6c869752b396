package io.safla.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.safla.cognition.SelfAwareness;
import io.safla.cognition.service.FeedbackLoopService;
import io.safla.config.AppProperties;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Shares SecurityHeadersTest's context. */
class FeedbackApiTest extends ApiTestSupport {

    @Autowired
    FeedbackLoopService feedback;

    @Autowired
    AppProperties app;

    @Autowired
    Clock clock;

    private String add(String text) throws Exception {
        return json.readTree(send("POST", "/api/memory/items", "{\"text\": \"" + text + "\"}")
                        .body())
                .get("id")
                .asString();
    }

    @Test
    void feedbackRunsACycle_andTheStateShowsIt() throws Exception {
        String target = add("Ticket OPS-7781: rotate the signing keys of the release pipeline.");
        add("Ticket OPS-7790: rotate the signing keys of the staging pipeline.");
        long cyclesBefore = json.readTree(
                        send("GET", "/api/cognition/state", null).body())
                .get("cycles")
                .asLong();

        HttpResponse<String> response = send(
                "POST",
                "/api/memory/feedback",
                "{\"query\": \"what is OPS-7781 about\", \"itemId\": \"" + target + "\", \"relevant\": true}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("outcome").asString()).isIn("KEPT", "ROLLED_BACK");
        assertThat(body.get("reward").asDouble()).isBetween(0.0, 1.0);
        assertThat(body.get("message").asString()).isNotBlank();
        assertThat(body.get("preferredAfter").asString()).isIn("cosine", "hybrid", "recency", "importance", "mmr");
        JsonNode state = json.readTree(send("GET", "/api/cognition/state", null).body());
        assertThat(state.get("cycles").asLong()).isEqualTo(cyclesBefore + 1);
        assertThat(state.get("goals")).hasSize(3);
        assertThat(state.get("strategies")).hasSize(5);
        assertThat(state.get("recentCycles").get(0).has("query")).isFalse(); // visitors' queries stay private
        assertThat(state.toString()).doesNotContain("OPS-7781");
    }

    @Test
    void feedbackOnAnUnknownItem_is404NamingTheField() throws Exception {
        HttpResponse<String> response = send(
                "POST",
                "/api/memory/feedback",
                "{\"query\": \"anything\", \"itemId\": \"no-such-item\", \"relevant\": false}");

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("detail").asString()).isEqualTo("No memory with id no-such-item");
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("itemId");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"query\": \" \", \"itemId\": \"x\", \"relevant\": true}|query|must not be blank",
                "{\"itemId\": \"x\", \"relevant\": true}|query|must not be blank",
                "{\"query\": \"q\", \"itemId\": \"\", \"relevant\": true}|itemId|must not be blank",
                "{\"query\": \"q\", \"itemId\": \"x\"}|relevant|must be true or false",
                "{\"query\": \"q\", \"itemId\": \"x\", \"relevant\": \"maybe\"}|body|"
            })
    void badInput_is400WithFieldErrors(String body, String field, String message) throws Exception {
        HttpResponse<String> response = send("POST", "/api/memory/feedback", body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = json.readTree(response.body()).get("errors");
        assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
        if (message != null) {
            assertThat(errors.get(0).get("message").asString()).contains(message);
        }
    }

    @Test
    void whatWasLearned_survivesARestart_andAnUnreadableFileIsSetAside() throws Exception {
        String target = add("Ticket OPS-8123: renew the TLS certificate of the status page.");
        assertThat(send(
                                "POST",
                                "/api/memory/feedback",
                                "{\"query\": \"what is OPS-8123 about\", \"itemId\": \"" + target
                                        + "\", \"relevant\": true}")
                        .statusCode())
                .isEqualTo(200);
        Path file = app.dataDir().resolve("cognition").resolve("learner.json");
        assertThat(file).exists();
        SelfAwareness running = feedback.state();

        SelfAwareness restarted = new FeedbackLoopService(memory, clock, app).state();

        assertThat(restarted.cycles()).isEqualTo(running.cycles()).isPositive();
        assertThat(restarted.rollbacks()).isEqualTo(running.rollbacks());
        assertThat(restarted.guardQueries()).isEqualTo(running.guardQueries());
        assertThat(restarted.hybridWeight()).isEqualTo(running.hybridWeight());
        assertThat(restarted.threshold()).isEqualTo(running.threshold());
        assertThat(restarted.strategies()).isEqualTo(running.strategies());

        Files.writeString(file, "{ not json");
        SelfAwareness afterCorruption = new FeedbackLoopService(memory, clock, app).state();

        assertThat(afterCorruption.cycles()).isZero();
        assertThat(file).doesNotExist();
        assertThat(file.resolveSibling("learner.json.rejected")).hasContent("{ not json");
    }
}
