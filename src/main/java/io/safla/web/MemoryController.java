package io.safla.web;

import io.safla.checkpoint.service.CheckpointService;
import io.safla.memory.MemoryEngine;
import io.safla.memory.MemoryItem;
import io.safla.memory.MemoryStats;
import io.safla.memory.MemoryType;
import io.safla.memory.NewMemory;
import io.safla.memory.Origin;
import io.safla.memory.SearchRequest;
import io.safla.memory.SearchResult;
import io.safla.memory.service.MemoryService;
import io.safla.memory.service.WritePolicy;
import io.safla.memory.vector.Metric;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The memory API under {@code /api/memory}; documented in docs/api_reference.md. */
@RestController
@RequestMapping("/api/memory")
class MemoryController {

    static final String TYPES = "vector|episodic|semantic|working";
    static final String METRICS = "cosine|dot|euclidean|manhattan";

    private final MemoryService memory;
    private final CheckpointService checkpoints;
    private final WritePolicy policy;

    MemoryController(MemoryService memory, CheckpointService checkpoints, WritePolicy policy) {
        this.memory = memory;
        this.checkpoints = checkpoints;
        this.policy = policy;
    }

    /**
     * The add API's body. Its shape is checked here; what may be stored (text, tags, metadata) is checked by the
     * service against {@code MemoryRules}, the rules every door (imports included) applies, and reported the same way.
     */
    record AddRequest(
            @Nullable String text,

            @Nullable @Pattern(regexp = "(?i)" + TYPES, message = "must be one of vector, episodic, semantic, working")
            String type,

            @Nullable List<String> tags,

            @Nullable @DecimalMin("0.0") @DecimalMax("1.0") Double importance,

            @Nullable Map<String, String> metadata) {}

    record Created(String id) {}

    record SearchBody(
            @NotBlank(message = SearchRequest.QUERY_BLANK)
            @Size(max = SearchRequest.MAX_QUERY_LENGTH, message = SearchRequest.QUERY_TOO_LONG)
            String query,

            @Nullable
            @Min(value = 1, message = SearchRequest.K_OUT_OF_RANGE)
            @Max(value = SearchRequest.MAX_K, message = SearchRequest.K_OUT_OF_RANGE)
            Integer k,

            @Nullable
            @DecimalMin(value = "0.0", message = SearchRequest.THRESHOLD_OUT_OF_RANGE)
            @DecimalMax(value = "1.0", message = SearchRequest.THRESHOLD_OUT_OF_RANGE)
            Double threshold,

            @Nullable @Pattern(regexp = "(?i)" + TYPES, message = "must be one of vector, episodic, semantic, working")
            String type,

            @Nullable @Pattern(regexp = "(?i)" + METRICS, message = "must be one of cosine, dot, euclidean, manhattan")
            String metric) {}

    record Result(String id, String text, String type, double score) {}

    record SearchAnswer(List<Result> results, long tookMicros, boolean cached) {}

    record ImportAnswer(int imported) {}

    @PostMapping("/items")
    ResponseEntity<Created> add(@Valid @RequestBody AddRequest body, HttpServletRequest request) {
        MemoryType type = body.type() == null ? MemoryType.VECTOR : MemoryType.parse(body.type());
        MemoryItem item = memory.add(
                new NewMemory(
                        null,
                        body.text(),
                        type,
                        body.tags() == null ? Set.of() : nonNull(body.tags()),
                        body.importance() == null ? 0.5 : body.importance(),
                        null,
                        body.metadata() == null ? Map.of() : nonNull(body.metadata())),
                caller(request));
        return ResponseEntity.created(URI.create("/api/memory/items/" + item.id()))
                .body(new Created(item.id()));
    }

    @GetMapping("/items/{id}")
    ResponseEntity<?> get(@PathVariable String id) {
        return memory.get(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(id));
    }

    @DeleteMapping("/items/{id}")
    ResponseEntity<?> delete(@PathVariable String id, HttpServletRequest request) {
        return memory.delete(id, caller(request)) ? ResponseEntity.noContent().build() : notFound(id);
    }

    @PostMapping("/search")
    SearchAnswer search(@Valid @RequestBody SearchBody body) {
        SearchRequest request = new SearchRequest(
                body.query(),
                body.k() == null ? 10 : body.k(),
                body.threshold() == null ? 0 : body.threshold(),
                body.type() == null ? Set.of() : Set.of(MemoryType.parse(body.type())),
                body.metric() == null
                        ? Metric.COSINE
                        : Metric.valueOf(body.metric().toUpperCase(Locale.ROOT)),
                Set.of(),
                null,
                null);
        SearchResult result = memory.search(request);
        return new SearchAnswer(
                result.hits().stream()
                        .map(h -> new Result(
                                h.item().id(), h.item().text(), h.item().type().label(), h.score()))
                        .toList(),
                result.tookMicros(),
                result.cached());
    }

    @GetMapping("/stats")
    MemoryStats stats() {
        return memory.stats();
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> export(
            @RequestParam(defaultValue = "json") @Pattern(regexp = "json|csv", message = "must be json or csv")
                    String format) {
        boolean csv = format.equals("csv");
        byte[] body = csv ? memory.exportCsv().getBytes(StandardCharsets.UTF_8) : memory.exportJson();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"safla-memory." + format + "\"")
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
                .body(body);
    }

    @PostMapping(value = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> importItems(HttpServletRequest request) throws IOException {
        Origin by = caller(request);
        // the policy first, so a visitor's file is not even read; then at most one byte over the limit is read
        policy.requireOperator(by, "Importing memories");
        byte[] json;
        try (InputStream in = request.getInputStream()) {
            json = in.readNBytes(WritePolicy.MAX_IMPORT_BYTES + 1);
        }
        MemoryEngine.ImportReport check = memory.validateImport(json, by);
        if (check.applied()) {
            checkpoints.create("before bulk import", by);
        }
        MemoryEngine.ImportReport report = check.applied() ? memory.importJson(json, by) : check;
        if (!report.applied()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST,
                    "Nothing was imported: the file has " + report.problems().size() + " problem(s).");
            problem.setTitle("Invalid import");
            problem.setProperty(
                    "errors",
                    report.problems().stream()
                            .map(p -> new ApiExceptionHandler.FieldProblem(
                                    p.contains(":") ? p.substring(0, p.indexOf(':')) : "file",
                                    p.contains(":")
                                            ? p.substring(p.indexOf(':') + 1).strip()
                                            : p))
                            .toList());
            return ResponseEntity.badRequest().body(problem);
        }
        return ResponseEntity.ok(new ImportAnswer(report.imported()));
    }

    /** JSON nulls as empty strings, so the rules report them instead of the collections refusing them. */
    private static Set<String> nonNull(List<String> tags) {
        Set<String> out = new LinkedHashSet<>();
        tags.forEach(t -> out.add(t == null ? "" : t));
        return out;
    }

    private static Map<String, String> nonNull(Map<String, String> metadata) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        metadata.forEach((k, v) -> out.put(k, v == null ? "" : v));
        return out;
    }

    private Origin caller(HttpServletRequest request) {
        return policy.caller(request.getHeader(WritePolicy.TOKEN_HEADER));
    }

    private static ResponseEntity<ProblemDetail> notFound(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No memory with id " + id);
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
