package io.safla.web;

import io.safla.system.service.SystemBackupService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/system/backup}: the operator's system-state backup (configuration, metrics, memory) as a zip. */
@RestController
@RequestMapping("/api/system")
class SystemController {

    private final SystemBackupService backup;
    private final OperatorGuard guard;

    SystemController(SystemBackupService backup, OperatorGuard guard) {
        this.backup = backup;
        this.guard = guard;
    }

    @GetMapping("/backup")
    ResponseEntity<byte[]> backup(HttpServletRequest request) {
        guard.require(request);
        byte[] zip = backup.backupZip();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(backup.fileName()).build().toString())
                .body(zip);
    }
}
