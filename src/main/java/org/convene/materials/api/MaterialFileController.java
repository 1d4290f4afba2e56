package org.convene.materials.api;

import org.convene.materials.MaterialFile;
import org.convene.materials.MaterialsService;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/**
 * Downloads of session materials. A published file is open to everyone, as the session page is; a draft only to
 * those who may manage its session, and anyone else gets 404 as for a file that does not exist. Always an
 * attachment, with the type found from the file's bytes and nosniff, so nothing uploaded ever runs as a page of
 * Convene's.
 */
@RestController
class MaterialFileController {

    private final MaterialsService materials;

    MaterialFileController(MaterialsService materials) {
        this.materials = materials;
    }

    @GetMapping("/materials/{materialId}/file")
    ResponseEntity<byte[]> file(@PathVariable long materialId) {
        return materials.download(materialId)
                .map(MaterialFileController::answer)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static ResponseEntity<byte[]> answer(MaterialFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.type().mediaType()))
                .contentLength(file.bytes().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.downloadName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                // a draft may be taken down or replaced; shared caches must not keep any of it
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(file.bytes());
    }
}
