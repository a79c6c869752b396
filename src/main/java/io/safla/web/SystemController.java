package io.safla.web;

import io.safla.system.service.SaflaManager;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/system/*}: the operator's system-wide questions. {@code backup} is the system-state backup
 * (configuration, metrics, memory) as a zip; {@code configuration} is the configuration in force, secrets redacted.
 */
@RestController
@RequestMapping("/api/system")
class SystemController {

    private final SaflaManager manager;
    private final OperatorGuard guard;

    SystemController(SaflaManager manager, OperatorGuard guard) {
        this.manager = manager;
        this.guard = guard;
    }

    @GetMapping("/configuration")
    List<SaflaManager.Setting> configuration(HttpServletRequest request) {
        guard.require(request);
        return manager.configuration();
    }

    @GetMapping("/backup")
    ResponseEntity<byte[]> backup(HttpServletRequest request) {
        guard.require(request);
        byte[] zip = manager.backupZip();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(manager.fileName())
                                .build()
                                .toString())
                .body(zip);
    }
}
