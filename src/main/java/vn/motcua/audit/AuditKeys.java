package vn.motcua.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The HMAC-SHA256 keys that sign records and seals. They come from configuration, never from the database, so
 * someone who can write to the database cannot make a changed row or a shortened trail verify.
 *
 * <p>Without configured keys the application refuses to start, except on the embedded (demo) database, where a
 * key is generated once into {@code <embedded-db directory>/audit-keys.properties} (owner-only), outside the
 * database cluster, with a warning.
 */
@Component
class AuditKeys {

    static final String LEGACY = "legacy-sha256";
    private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);

    private final Map<String, byte[]> keys = new LinkedHashMap<>();
    private final Map<String, java.util.Queue<Mac>> macs = new java.util.concurrent.ConcurrentHashMap<>();
    private final String currentId;

    AuditKeys(AuditSettings settings, Environment environment) {
        Map<String, String> configured = settings.keys();
        String current = settings.keyId();
        if (configured.isEmpty() && environment.getProperty("motcua.embedded-db.active", Boolean.class, false)) {
            Path file = Path.of(environment.getProperty("motcua.embedded-db.directory", "data"), "audit-keys.properties");
            configured = generatedOnce(file);
            current = "demo";
            log.warn("Khoá niêm phong nhật ký được sinh cho CSDL nhúng tại {} (chỉ để thử; vận hành thật: MOTCUA_AUDIT_KEYS_<ID>, MOTCUA_AUDIT_KEY_ID).", file);
        }
        if (configured.isEmpty()) {
            throw new IllegalStateException("""
                    Thiếu khoá niêm phong nhật ký (audit sealing key). Đặt ít nhất một khoá, ví dụ:
                      MOTCUA_AUDIT_KEYS_K2026=$(openssl rand -base64 32)
                      MOTCUA_AUDIT_KEY_ID=k2026
                    Giữ khoá ngoài cơ sở dữ liệu; khi đổi khoá, giữ khoá cũ để kiểm tra bản ghi cũ.""");
        }
        configured.forEach((id, value) -> {
            byte[] key = Base64.getDecoder().decode(value.trim());
            if (key.length < 32) {
                throw new IllegalStateException("Khoá niêm phong nhật ký '" + id + "' phải có ít nhất 32 byte (Base64 của 32 byte ngẫu nhiên).");
            }
            keys.put(id.toLowerCase(java.util.Locale.ROOT), key);
        });
        if (current == null || current.isBlank()) {
            if (keys.size() != 1) {
                throw new IllegalStateException("Có nhiều khoá niêm phong nhật ký: đặt motcua.audit.key-id (MOTCUA_AUDIT_KEY_ID) để chọn khoá đang dùng.");
            }
            current = keys.keySet().iterator().next();
        }
        this.currentId = current.toLowerCase(java.util.Locale.ROOT);
        if (!keys.containsKey(currentId)) {
            throw new IllegalStateException("Khoá niêm phong nhật ký đang dùng '" + currentId + "' không có trong motcua.audit.keys.");
        }
    }

    String currentId() {
        return currentId;
    }

    boolean knows(String keyId) {
        return keys.containsKey(keyId);
    }

    /** HMAC-SHA256 with the named key over the fields, each length-prefixed so that fields cannot shift. */
    String mac(String keyId, Object... fields) {
        byte[] key = keys.get(keyId);
        if (key == null) {
            throw new IllegalArgumentException("unknown audit key " + keyId);
        }
        // A Mac is not thread-safe and costly to look up and key: keep a few ready per key.
        var pool = macs.computeIfAbsent(keyId, id -> new java.util.concurrent.ConcurrentLinkedQueue<>());
        Mac mac = pool.poll();
        try {
            if (mac == null) {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
            }
            // One update over "length:bytes" of every field: the same bytes as field by field, without a call per piece.
            var message = new java.io.ByteArrayOutputStream(256);
            for (Object field : fields) {
                byte[] bytes = String.valueOf(field).getBytes(StandardCharsets.UTF_8);
                message.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                message.write(':');
                message.writeBytes(bytes);
            }
            mac.update(message.toByteArray());
            String hex = HexFormat.of().formatHex(mac.doFinal()); // doFinal also resets it for the next use
            if (pool.size() < 64) {
                pool.offer(mac);
            }
            return hex;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> generatedOnce(Path file) {
        try {
            var properties = new Properties();
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    properties.load(in);
                }
            } else {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                properties.setProperty("demo", Base64.getEncoder().encodeToString(key));
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try (Writer out = Files.newBufferedWriter(file)) {
                    properties.store(out, "motcua audit sealing key for the embedded demo database; not for production");
                }
            }
            return Map.of("demo", properties.getProperty("demo"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
