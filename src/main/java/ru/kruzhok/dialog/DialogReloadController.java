package ru.kruzhok.dialog;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/dialogs/reload}: re-reads dialogs/ (flows, texts, FAQ, surveys) without a
 * restart. A broken file keeps all the old versions running and the answer says which file and line
 * to fix; {@code reloaded} lists what was read.
 */
@RestController
class DialogReloadController {

    private final DialogReload reload;

    DialogReloadController(DialogReload reload) {
        this.reload = reload;
    }

    @PostMapping("/api/admin/dialogs/reload")
    ResponseEntity<DialogReload.Result> reload() {
        DialogReload.Result result = reload.reloadAll();
        return ResponseEntity.status(result.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(result);
    }
}
