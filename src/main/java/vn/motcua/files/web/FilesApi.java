package vn.motcua.files.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.files.FileStorage;
import vn.motcua.files.StoredFile;
import vn.motcua.platform.CurrentUser;
import vn.motcua.platform.web.ApiController;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Uploads of scans before they are attached to a dossier. */
@ApiController("/api/v1/files")
@Tag(name = "Tệp (files)")
class FilesApi {

    private final FileStorage files;

    FilesApi(FileStorage files) {
        this.files = files;
    }

    record Uploaded(UUID id, String sha256, long size, String contentType, String name) {
        static Uploaded of(StoredFile f) {
            return new Uploaded(f.id(), f.sha256(), f.size(), f.contentType(), f.originalName());
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a scan (PDF, JPEG or PNG, recognised by content); it waits, visible to you only, until attached")
    ResponseEntity<Uploaded> upload(@RequestParam("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            var stored = files.store(in, file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), CurrentUser.name());
            return ResponseEntity.created(URI.create("/api/v1/files/" + stored.id())).body(Uploaded.of(stored));
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "Your own upload, while it waits to be attached")
    ResponseEntity<InputStreamResource> download(@PathVariable UUID id) {
        var file = files.waitingUpload(id, CurrentUser.name());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.originalName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(files.open(file)));
    }
}
