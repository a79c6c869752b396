package io.safla.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safla.checkpoint.CheckpointInfo;
import io.safla.checkpoint.service.CheckpointService;
import io.safla.memory.MemoryItem;
import io.safla.memory.NewMemory;
import io.safla.memory.Origin;
import io.safla.memory.service.MemoryService;
import io.safla.memory.service.OperatorRequiredException;
import io.safla.memory.service.WritePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The anonymous wipe of the public Space, replayed against a fresh Space (its own context, so the seed is exactly
 * as on a first start): none of it may touch the operator's items or the checkpoint that restores them.
 */
@AutoConfigureMetrics
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"safla.app.space-id=someone/safla-space", "safla.memory.vector.visitor-share=0.2"})
class VisitorWipeTest {

    static final String TOKEN = "test-operator-token-0123456789";

    @LocalServerPort
    int port;

    @Autowired
    MemoryService memory;

    @Autowired
    CheckpointService checkpoints;

    @Autowired
    WritePolicy policy;

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger address = new AtomicInteger();

    @BeforeEach
    void engineLoaded() {
        memory.load();
    }

    /** Every request from its own address: the wipe stayed under the rate limit, and a 429 would hide the answer. */
    private HttpResponse<String> send(String method, String path, @Nullable String body, @Nullable String token)
            throws Exception {
        int n = address.incrementAndGet();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "203.0." + (n / 250) % 250 + "." + (1 + n % 250));
        if (token != null) {
            request.header(WritePolicy.TOKEN_HEADER, token);
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String items(int count, Function<Integer, String> item) {
        return IntStream.range(0, count).mapToObj(item::apply).collect(Collectors.joining(",", "[", "]"));
    }

    private Map<String, MemoryItem> operatorItems() {
        return memory.list(i -> i.origin() == Origin.OPERATOR).stream()
                .collect(Collectors.toMap(MemoryItem::id, i -> i));
    }

    private static void assertRefused(HttpResponse<String> response, String action) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body())
                .contains("Operator token required")
                .contains(action + " needs the operator token (X-Admin-Token");
    }

    @Test
    void theAnonymousWipeSequence_leavesTheOperatorsItemsAndARestoringCheckpointIntact() throws Exception {
        Map<String, MemoryItem> seeded = operatorItems();
        assertThat(seeded).hasSize(210);
        assertThat(memory.size()).isEqualTo(210);
        HttpResponse<String> taken =
                send("POST", "/api/safety/checkpoints", "{\"reason\": \"the operator's state\"}", TOKEN);
        assertThat(taken.statusCode()).isEqualTo(201);
        String restoring = json.readTree(taken.body()).get("id").asString();
        List<String> ids = new ArrayList<>(seeded.keySet());

        // 1. one import of 1 000 junk items
        assertRefused(
                send("POST", "/api/memory/import", items(1000, i -> "{\"text\": \"junk " + i + "\"}"), null),
                "Importing memories");
        // 2. 1 000 deletes
        for (int i = 0; i < 1000; i++) {
            HttpResponse<String> deleted = send("DELETE", "/api/memory/items/" + ids.get(i % ids.size()), null, null);
            assertThat(deleted.statusCode()).isEqualTo(403);
        }
        assertRefused(send("DELETE", "/api/memory/items/" + ids.get(0), null, null), "Deleting a memory");
        // 3. bulk delete, through the door the Browse tab uses (a session that has not unlocked)
        Origin browseVisitor = policy.caller(false);
        assertThatThrownBy(() -> memory.deleteAll(ids, browseVisitor))
                .isInstanceOf(OperatorRequiredException.class)
                .hasMessageContaining("needs the operator token");
        // 4. overwriting an item by importing its id, and by adding under it
        assertRefused(
                send(
                        "POST",
                        "/api/memory/import",
                        "[{\"id\": \"" + ids.get(0) + "\", \"text\": \"overwritten\"}]",
                        null),
                "Importing memories");
        assertThatThrownBy(() -> memory.add(
                        new NewMemory(ids.get(0), "overwritten", null, null, 0.5, null, null), browseVisitor))
                .isInstanceOf(OperatorRequiredException.class)
                .hasMessageContaining("Replacing an existing memory");
        // 5. twenty tiny imports, each of which used to take a checkpoint
        for (int i = 0; i < 20; i++) {
            assertRefused(
                    send("POST", "/api/memory/import", "[{\"text\": \"tiny " + i + "\"}]", null), "Importing memories");
        }
        // adding stays open, within the visitors' share (0.2 of 1 000), and evicts only visitors' items
        for (int i = 0; i < 230; i++) {
            assertThat(send("POST", "/api/memory/items", "{\"text\": \"a visitor's note " + i + "\"}", null)
                            .statusCode())
                    .isEqualTo(201);
        }
        assertThat(memory.list(i -> i.origin() == Origin.VISITOR)).hasSize(200);
        // a visitor cannot roll back either
        assertThat(send("POST", "/api/safety/rollback/" + restoring, null, null).statusCode())
                .isEqualTo(403);

        assertThat(operatorItems()).isEqualTo(seeded);
        assertThat(checkpoints.list()).extracting(CheckpointInfo::id).contains(restoring);

        HttpResponse<String> rollback = send("POST", "/api/safety/rollback/" + restoring, null, TOKEN);
        assertThat(rollback.statusCode()).isEqualTo(200);
        assertThat(json.readTree(rollback.body()).get("exact").asBoolean()).isTrue();
        assertThat(operatorItems()).isEqualTo(seeded);
        assertThat(memory.size()).isEqualTo(210);
    }

    @Test
    void visitorCheckpoints_neverPushOutTheOperatorsRestoringCheckpoint() throws Exception {
        Map<String, MemoryItem> before = operatorItems();
        CheckpointInfo operator = checkpoints.create("the operator's state");
        memory.add(NewMemory.of("a visitor's note before the checkpoints"), Origin.VISITOR);

        for (int i = 0; i < 25; i++) {
            checkpoints.create("on behalf of a visitor " + i, Origin.VISITOR);
        }

        assertThat(checkpoints.list()).extracting(CheckpointInfo::id).contains(operator.id());
        assertThat(checkpoints.list())
                .filteredOn(c -> c.origin() == Origin.VISITOR)
                .hasSize(10);
        assertThat(checkpoints.rollback(operator.id()).exact()).isTrue();
        assertThat(operatorItems()).isEqualTo(before);
    }

    @Test
    void everyDoorAppliesTheSameLimits_evenForTheOperator() throws Exception {
        String tags = IntStream.range(0, 21).mapToObj(i -> "\"t" + i + "\"").collect(Collectors.joining(","));
        HttpResponse<String> added =
                send("POST", "/api/memory/items", "{\"text\": \"many tags\", \"tags\": [" + tags + "]}", null);
        HttpResponse<String> imported = send(
                "POST",
                "/api/memory/import",
                "[{\"text\": \"fine\"}, {\"text\": \"many tags\", \"tags\": [" + tags + "]},"
                        + " {\"text\": \"<img src=x onerror=alert(1)>\"}]",
                TOKEN);

        assertThat(added.statusCode()).isEqualTo(400);
        JsonNode addErrors = json.readTree(added.body()).get("errors");
        assertThat(addErrors.get(0).get("field").asString()).isEqualTo("tags");
        assertThat(imported.statusCode()).isEqualTo(400);
        JsonNode importErrors = json.readTree(imported.body()).get("errors");
        assertThat(importErrors.get(0).get("field").asString()).isEqualTo("items[1].tags");
        assertThat(importErrors.get(0).get("message").asString())
                .isEqualTo(addErrors.get(0).get("message").asString());
        assertThat(importErrors.get(1).get("message").asString()).contains("potentially dangerous content");

        String large = items(2200, i -> "{\"text\": \"" + "x".repeat(1000) + "\"}");
        assertThat(large.length()).isGreaterThan(WritePolicy.MAX_IMPORT_BYTES);
        HttpResponse<String> tooLarge = send("POST", "/api/memory/import", large, TOKEN);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("Import too large");
    }
}
