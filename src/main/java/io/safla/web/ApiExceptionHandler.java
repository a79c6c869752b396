package io.safla.web;

import io.safla.monitor.service.ErrorIds;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 7807 problem details for the API: 400 with one entry per bad field, and for anything unexpected a 500 that
 * carries only an error id (the details go to the log under that id).
 */
@RestControllerAdvice(basePackages = "io.safla")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    record FieldProblem(String field, String message) {}

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldProblem(e.getField(), String.valueOf(e.getDefaultMessage())))
                .sorted(java.util.Comparator.comparing(FieldProblem::field))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request has " + errors.size() + " invalid field(s).");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(e -> new FieldProblem(
                                r.getMethodParameter().getParameterName(), String.valueOf(e.getDefaultMessage()))))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request has " + errors.size() + " invalid parameter(s).");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the expected shape.");
        problem.setTitle("Malformed request body");
        problem.setProperty("errors", List.of(new FieldProblem("body", bodyProblem(ex))));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(io.safla.memory.service.EngineUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(io.safla.memory.service.EngineUnavailableException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
        problem.setTitle("Engine unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }

    @ExceptionHandler(io.safla.memory.StorageUnavailableException.class)
    ResponseEntity<ProblemDetail> storage(io.safla.memory.StorageUnavailableException ex) {
        HttpStatus status = ex.reason() == io.safla.memory.StorageUnavailableException.Reason.FULL
                ? HttpStatus.INSUFFICIENT_STORAGE
                : HttpStatus.SERVICE_UNAVAILABLE;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
        problem.setTitle(
                status == HttpStatus.INSUFFICIENT_STORAGE ? "Data directory full" : "Data directory not writable");
        problem.setProperty("stored", false);
        return ResponseEntity.status(status)
                .header(HttpHeaders.RETRY_AFTER, "30")
                .body(problem);
    }

    @ExceptionHandler(io.safla.memory.WritesFrozenException.class)
    ResponseEntity<ProblemDetail> frozen(io.safla.memory.WritesFrozenException ex) {
        return problem(HttpStatus.LOCKED, "Writes frozen", ex.getMessage());
    }

    @ExceptionHandler(io.safla.memory.service.OperatorRequiredException.class)
    ResponseEntity<ProblemDetail> operatorOnly(io.safla.memory.service.OperatorRequiredException ex) {
        return problem(HttpStatus.FORBIDDEN, "Operator token required", ex.getMessage());
    }

    @ExceptionHandler(io.safla.memory.service.ImportTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(io.safla.memory.service.ImportTooLargeException ex) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Import too large", ex.getMessage());
    }

    @ExceptionHandler(io.safla.memory.MemoryFullException.class)
    ResponseEntity<ProblemDetail> full(io.safla.memory.MemoryFullException ex) {
        return problem(HttpStatus.CONFLICT, "Memory full", ex.getMessage());
    }

    /** The stored-memory rules ({@code MemoryRules}), with one entry per broken rule like a bad request body. */
    @ExceptionHandler(io.safla.memory.service.InvalidMemoryException.class)
    ResponseEntity<ProblemDetail> invalidMemory(io.safla.memory.service.InvalidMemoryException ex) {
        List<FieldProblem> errors = ex.problems().stream()
                .map(p -> new FieldProblem(p.field(), p.message()))
                .sorted(java.util.Comparator.comparing(FieldProblem::field))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request has " + errors.size() + " invalid field(s).");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badArgument(IllegalArgumentException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("Invalid request");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        String id = ErrorIds.next();
        log.error("API error {}", id, ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong. The error was logged with id " + id + ".");
        problem.setTitle("Internal error");
        problem.setProperty("errorId", id);
        return ResponseEntity.internalServerError().body(problem);
    }

    /**
     * What is wrong with the body, without internal names: Spring's "Required request body is missing" names the
     * handler method's signature, and Jackson's messages name the Java types they bind to.
     */
    static String bodyProblem(HttpMessageNotReadableException ex) {
        String message = rootCause(ex);
        if (ex.getCause() == null || message.startsWith("Required request body is missing")) {
            return "The request body is missing or cannot be read.";
        }
        // io.safla.web.SafetyController$ValidateRequest -> ValidateRequest; java.util.List -> List
        return message.replaceAll("`", "")
                .replaceAll("\\b(?:[a-z_][\\w]*\\.)+(?:[A-Z][\\w]*\\$)*([A-Z][\\w]*)", "$1")
                .replaceAll("\\(class [^)]*\\)", "")
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static String rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // Jackson messages can quote the whole input; keep the first line and a bounded length
        String firstLine = message.lines().findFirst().orElse("");
        return firstLine.length() > 200 ? firstLine.substring(0, 200) + "…" : firstLine;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
