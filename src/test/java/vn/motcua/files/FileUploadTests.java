package vn.motcua.files;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import vn.motcua.IntegrationTest;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploads through HTTP as a desk officer would make them, with real images made here (ImageIO) and a real PDF header. */
class FileUploadTests extends IntegrationTest {

    @Autowired
    FileStorage files;
    @Autowired
    FileSettings settings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aScanIsStoredWithItsHashAndOnlyItsUploaderReadsItWhileItWaits() throws Exception {
        byte[] png = image("png", Color.BLUE);
        var response = upload("tn.ttpvhcc", png, "CCCD mặt trước.png", MediaType.IMAGE_PNG);
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        var body = response.getBody();
        assertThat(body).containsEntry("sha256", sha256(png)).containsEntry("contentType", "image/png")
                .containsEntry("size", png.length).containsEntry("name", "CCCD mặt trước.png");
        assertThat(response.getHeaders().getLocation()).hasToString("/api/v1/files/" + body.get("id"));

        var mine = as("tn.ttpvhcc").get().uri("/api/v1/files/{id}", body.get("id")).retrieve().toEntity(byte[].class);
        assertThat(mine.getBody()).isEqualTo(png);
        assertThat(mine.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        var someoneElse = as("tn.xuanhuong").get().uri("/api/v1/files/{id}", body.get("id")).retrieve()
                .toEntity(new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(someoneElse.getStatusCode().value()).isEqualTo(404);
        assertThat(someoneElse.getBody()).containsEntry("code", "files.not-found");
    }

    @Test
    void theKindComesFromTheContentNotTheNameOrTheDeclaredType() throws Exception {
        byte[] jpeg = image("jpg", Color.RED);
        var response = upload("tn.ttpvhcc", jpeg, "giay-khai-sinh.png", MediaType.IMAGE_PNG);
        assertThat(response.getBody()).containsEntry("contentType", "image/jpeg").containsEntry("name", "giay-khai-sinh.jpg");

        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes();
        assertThat(upload("tn.ttpvhcc", pdf, "don.pdf", MediaType.APPLICATION_PDF).getBody()).containsEntry("contentType", "application/pdf");

        for (byte[] disguised : List.of("<html><script>alert(1)</script></html>".getBytes(), new byte[]{'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4})) {
            var refused = upload("tn.ttpvhcc", disguised, "ban-sao.pdf", MediaType.APPLICATION_PDF);
            assertThat(refused.getStatusCode().value()).isEqualTo(415);
            assertThat(refused.getBody()).containsEntry("code", "files.unsupported-type");
        }
    }

    @Test
    void aFileOverTheLimitIsRefusedAndLeavesNothingBehind() throws Exception {
        byte[] big = new byte[(int) settings.maxSize().toBytes() + 1];
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, big, 0, 9);
        long before = countFiles();
        var refused = upload("tn.ttpvhcc", big, "ho-so-day.pdf", MediaType.APPLICATION_PDF);
        assertThat(refused.getStatusCode().value()).isEqualTo(413);
        assertThat(refused.getBody()).containsEntry("code", "files.too-large");
        assertThat((String) refused.getBody().get("detail")).contains("2 MB");
        assertThat(countFiles()).isEqualTo(before);
        try (Stream<Path> incoming = Files.list(settings.directory().resolve("incoming"))) {
            assertThat(incoming).isEmpty();
        }
        var empty = upload("tn.ttpvhcc", new byte[0], "rong.pdf", MediaType.APPLICATION_PDF);
        assertThat(empty.getStatusCode().value()).isBetween(400, 499);
    }

    @Test
    void theSameContentTwiceIsTwoUploadsAndOneCopy() throws Exception {
        byte[] png = image("png", Color.GREEN);
        var first = upload("tn.ttpvhcc", png, "a.png", MediaType.IMAGE_PNG).getBody();
        var second = upload("tn.lamvien", png, "b.png", MediaType.IMAGE_PNG).getBody();
        assertThat(first.get("id")).isNotEqualTo(second.get("id"));
        assertThat(first.get("sha256")).isEqualTo(second.get("sha256"));
        assertThat(blobsNamed((String) first.get("sha256"))).isEqualTo(1);
    }

    @Test
    void anUploadAttachedInAFailedIntakeWaitsAndIsRemovedInTimeWithItsContent() throws Exception {
        var stored = files.store(new java.io.ByteArrayInputStream(image("png", Color.MAGENTA)), "scan.png", "tn.ttpvhcc");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            files.attach(List.of(stored.id()), "dossier:H36.50-260302-0001", "tn.ttpvhcc");
            throw new IllegalStateException("intake failed after the files were attached");
        })).hasMessageContaining("intake failed");
        assertThat(files.find(stored.id()).orElseThrow().owner()).isNull();

        // someone else cannot attach my upload
        assertThatThrownBy(() -> transactions.executeWithoutResult(status ->
                files.attach(List.of(stored.id()), "dossier:X", "tn.lamvien"))).isInstanceOf(FileProblem.class);

        jdbc.sql("update files.stored_file set uploaded_at = now() - interval '25 hours' where id = :id").param("id", stored.id()).update();
        assertThat(files.removeAbandonedUploads()).isGreaterThanOrEqualTo(1);
        assertThat(files.find(stored.id())).isEmpty();
        assertThat(blobsNamed(stored.sha256())).isZero();
    }

    @Test
    void anAttachedFileStaysAndItsContentIsKeptWhileAnyRecordNeedsIt() throws Exception {
        byte[] png = image("png", Color.ORANGE);
        var kept = files.store(new java.io.ByteArrayInputStream(png), "giu.png", "tn.ttpvhcc");
        var abandoned = files.store(new java.io.ByteArrayInputStream(png), "bo.png", "tn.ttpvhcc");
        var attached = transactions.execute(status -> files.attach(List.of(kept.id()), "dossier:H36.50-260302-0002", "tn.ttpvhcc"));
        assertThat(attached.getFirst().owner()).isEqualTo("dossier:H36.50-260302-0002");
        assertThat(files.ownedBy("dossier:H36.50-260302-0002")).extracting(StoredFile::id).containsExactly(kept.id());
        assertThatThrownBy(() -> transactions.executeWithoutResult(status ->
                files.attach(List.of(kept.id()), "dossier:other", "tn.ttpvhcc"))).hasMessageContaining("đã được đính kèm");

        jdbc.sql("update files.stored_file set uploaded_at = now() - interval '25 hours' where id in (:ids)")
                .param("ids", List.of(kept.id(), abandoned.id())).update();
        files.removeAbandonedUploads();
        assertThat(files.find(kept.id())).isPresent();
        assertThat(files.find(abandoned.id())).isEmpty();
        assertThat(blobsNamed(kept.sha256())).isEqualTo(1);
        try (var in = files.open(files.find(kept.id()).orElseThrow())) {
            assertThat(in.readAllBytes()).isEqualTo(png);
        }
    }

    @Test
    void uploadingNeedsAStaffAccount() throws Exception {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", part(image("png", Color.BLACK), "x.png", MediaType.IMAGE_PNG));
        var refused = anonymous().post().uri("/api/v1/files").contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().toBodilessEntity();
        assertThat(refused.getStatusCode().value()).isEqualTo(401);
    }

    private ResponseEntity<Map<String, Object>> upload(String user, byte[] content, String name, MediaType declared) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", part(content, name, declared));
        return as(user).post().uri("/api/v1/files").contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().toEntity(new ParameterizedTypeReference<>() { });
    }

    private static HttpEntity<ByteArrayResource> part(byte[] content, String name, MediaType declared) {
        var headers = new HttpHeaders();
        headers.setContentType(declared);
        headers.setContentDispositionFormData("file", name);
        return new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }, headers);
    }

    private static byte[] image(String format, Color color) throws IOException {
        var img = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 120, 80);
        g.setColor(Color.WHITE);
        g.drawString(UUID.randomUUID().toString().substring(0, 8), 5, 40);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private long countFiles() {
        return jdbc.sql("select count(*) from files.stored_file").query(Long.class).single();
    }

    private long blobsNamed(String sha) throws IOException {
        try (Stream<Path> all = Files.walk(settings.directory())) {
            return all.filter(p -> p.getFileName().toString().equals(sha)).count();
        }
    }
}
