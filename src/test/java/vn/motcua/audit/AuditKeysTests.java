package vn.motcua.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditKeysTests {

    static final String KEY = "dGVzdC1vbmx5LWF1ZGl0LWtleS0zMi1ieXRlcy1sb25nIQ==";

    @Test
    void aProductionStartWithoutAKeyIsRefusedWithInstructions() {
        assertThatThrownBy(() -> new AuditKeys(new AuditSettings(Map.of(), null), new MockEnvironment()))
                .hasMessageContaining("MOTCUA_AUDIT_KEYS_")
                .hasMessageContaining("MOTCUA_AUDIT_KEY_ID");
    }

    @Test
    void aShortKeyOrAnUnknownCurrentKeyIsRefused() {
        assertThatThrownBy(() -> new AuditKeys(new AuditSettings(Map.of("k", "c2hvcnQ="), null), new MockEnvironment()))
                .hasMessageContaining("32 byte");
        assertThatThrownBy(() -> new AuditKeys(new AuditSettings(Map.of("k", KEY), "other"), new MockEnvironment()))
                .hasMessageContaining("other");
        assertThatThrownBy(() -> new AuditKeys(new AuditSettings(Map.of("a", KEY, "b", KEY), null), new MockEnvironment()))
                .hasMessageContaining("key-id");
    }

    @Test
    void theEmbeddedDemoGeneratesOneOwnerOnlyKeyOutsideTheDatabaseAndKeepsIt(@TempDir Path directory) throws Exception {
        var environment = new MockEnvironment().withProperty("motcua.embedded-db.active", "true")
                .withProperty("motcua.embedded-db.directory", directory.toString());
        var first = new AuditKeys(new AuditSettings(Map.of(), null), environment);
        Path file = directory.resolve("audit-keys.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        var second = new AuditKeys(new AuditSettings(Map.of(), null), environment);
        assertThat(second.mac("demo", "x")).isEqualTo(first.mac("demo", "x"));
    }

    @Test
    void macsDependOnTheKeyAndOnEveryField() {
        var keys = new AuditKeys(new AuditSettings(Map.of("a", KEY, "b", "cmV0aXJlZC10ZXN0LWF1ZGl0LWtleS0zMi1ieXRlcyEhIQ=="), "a"),
                new MockEnvironment());
        var at = java.time.Instant.parse("2026-12-01T01:00:00Z");
        String mac = RecordMac.of(keys, "a", 1, at, "admin", "X", "t", "s");
        assertThat(RecordMac.of(keys, "b", 1, at, "admin", "X", "t", "s")).isNotEqualTo(mac);
        assertThat(RecordMac.of(keys, "a", 2, at, "admin", "X", "t", "s")).isNotEqualTo(mac);
        assertThat(RecordMac.of(keys, "a", 1, at, "admim", "X", "t", "s")).isNotEqualTo(mac);
        assertThat(RecordMac.of(keys, "a", 1, at, "ad", "minX", "t", "s")).isNotEqualTo(mac);
        assertThat(RecordMac.of(keys, "a", 1, at, "admin", "X", "t", "s")).isEqualTo(mac);
    }

    /**
     * The bytes under the MAC are a contract with every record already stored: "length:field" for each field in order,
     * the length in UTF-8 bytes. Computed here with the JDK alone, so a change to how the MAC is assembled cannot pass.
     */
    @Test
    void theMacIsHmacSha256OverLengthPrefixedUtf8Fields() throws Exception {
        var keys = new AuditKeys(new AuditSettings(Map.of("a", KEY), "a"), new MockEnvironment());
        var hmac = javax.crypto.Mac.getInstance("HmacSHA256");
        hmac.init(new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(KEY), "HmacSHA256"));
        String message = "6:record" + "2:42" + "27:2026-12-01T01:00:00.123456Z" + "5:admin" + "7:CREATED" + "8:agency:1"
                + "29:Tạo cơ quan Sở Tư pháp"; // 22 letters, 29 bytes in UTF-8
        String expected = java.util.HexFormat.of().formatHex(hmac.doFinal(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(RecordMac.of(keys, "a", 42, java.time.Instant.parse("2026-12-01T01:00:00.123456Z"), "admin", "CREATED",
                "agency:1", "Tạo cơ quan Sở Tư pháp")).isEqualTo(expected);
    }
}
