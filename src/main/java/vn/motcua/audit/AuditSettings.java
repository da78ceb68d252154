package vn.motcua.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * Settings of the audit trail ({@code motcua.audit.*}); how often records are sealed is {@code motcua.audit.seal-ms}.
 *
 * @param keys         sealing keys by id, each Base64 of at least 32 random bytes; keep retired keys here so
 *                     older records and seals still verify (environment: {@code MOTCUA_AUDIT_KEYS_<ID>})
 * @param keyId        the key that signs new records and seals; rotate by adding a key and naming it here
 */
@ConfigurationProperties("motcua.audit")
record AuditSettings(@DefaultValue Map<String, String> keys, @Nullable String keyId) {
}
