package vn.motcua.organization;

/** A token just issued, with its secret: shown once, never stored (only its SHA-256 is). */
public record IssuedApiToken(ApiTokenView token, String secret) {
}
