package vn.motcua.organization;

/** A token row with the SHA-256 (hex) of its secret, which only the snapshot uses to answer a bearer. */
record StoredToken(ApiTokenView view, String hash) {
}
