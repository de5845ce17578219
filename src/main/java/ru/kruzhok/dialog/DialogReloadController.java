package ru.kruzhok.dialog;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/dialogs/reload}: re-reads dialogs/ without a restart. A broken file keeps
 * the old dialogs running and the answer says which file and line to fix.
 */
@RestController
class DialogReloadController {

    private final DialogRegistry registry;

    DialogReloadController(DialogRegistry registry) {
        this.registry = registry;
    }

    @PostMapping("/api/admin/dialogs/reload")
    ResponseEntity<DialogRegistry.ReloadResult> reload() {
        DialogRegistry.ReloadResult result = registry.reload();
        return ResponseEntity.status(result.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(result);
    }
}
