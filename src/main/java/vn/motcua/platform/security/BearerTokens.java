package vn.motcua.platform.security;

import org.springframework.security.core.Authentication;

import java.util.Optional;

/**
 * Answers {@code Authorization: Bearer <secret>} on the API: the module that issues tokens (organization)
 * implements it; security only asks. An empty answer is a 401, never a fall-through to another method.
 */
public interface BearerTokens {

    Optional<Authentication> authenticate(String secret);
}
