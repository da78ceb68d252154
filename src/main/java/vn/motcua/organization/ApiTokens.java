package vn.motcua.organization;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.platform.CurrentUser;
import vn.motcua.platform.security.BearerTokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Personal access tokens for machine clients. An administrator issues one for a staff account with a name and
 * an expiry date; the secret ({@code mct_} and 32 random bytes, base64url) is shown once and only its SHA-256
 * is stored. {@code Authorization: Bearer <secret>} then acts as that staff member with their roles and scope,
 * answered from the in-memory snapshot: no password hashing, no query. Revoking a token, or deactivating its
 * staff member, ends it at once on this node and within {@code motcua.organization.refresh-ms} on the others.
 */
@Service
public class ApiTokens implements BearerTokens {

    static final String PREFIX = "mct_";
    /** The longest a token may live (a year): machine clients are re-issued a token, not given one forever. */
    static final Duration LONGEST = Duration.ofDays(366);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StaffDirectory staff;
    private final OrganizationStore store;
    private final OrganizationMemory memory;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokens(StaffDirectory staff, OrganizationStore store, OrganizationMemory memory,
              org.springframework.context.ApplicationEventPublisher events, Clock clock) {
        this.staff = staff;
        this.store = store;
        this.memory = memory;
        this.events = events;
        this.clock = clock;
    }

    /** Issues a token for an active staff member, valid to the end of {@code lastDay} (Vietnam time). */
    @Transactional
    public IssuedApiToken issue(UUID staffId, String name, LocalDate lastDay) {
        var account = staff.get(staffId);
        if (!account.active()) {
            throw OrganizationProblem.invalid("staff", "Tài khoản " + account.username() + " đã ngừng hoạt động.");
        }
        if (name.isBlank() || name.strip().length() > 100) {
            throw OrganizationProblem.invalid("name", "Cần nhập tên mã truy cập (tối đa 100 ký tự).");
        }
        Instant now = clock.instant();
        Instant expires = lastDay.plusDays(1).atStartOfDay(vn.motcua.platform.TimeConfiguration.VIETNAM).toInstant();
        if (!expires.isAfter(now) || expires.isAfter(now.plus(LONGEST))) {
            throw OrganizationProblem.invalid("expiresOn", "Ngày hết hạn phải từ hôm nay đến tối đa một năm sau.");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        var id = UUID.randomUUID();
        String prefix = secret.substring(0, PREFIX.length() + 6);
        store.insertToken(id, staffId, name.strip(), sha256(secret), prefix, now, CurrentUser.name(), expires);
        events.publishEvent(new OrganizationChanged("API_TOKEN_ISSUED", "staff:" + account.username(),
                "Cấp mã truy cập API '" + name.strip() + "' (" + prefix + "…) đến hết ngày " + lastDay));
        var view = new ApiTokenView(id, staffId, account.username(), name.strip(), prefix, now, CurrentUser.name(), expires, null, null);
        return new IssuedApiToken(view, secret);
    }

    /** The tokens of a staff member, revoked and expired ones included, oldest first. */
    public List<ApiTokenView> of(UUID staffId) {
        return memory.current().tokensOf(staffId);
    }

    @Transactional
    public void revoke(UUID staffId, UUID tokenId) {
        var token = store.tokens().stream().map(StoredToken::view)
                .filter(t -> t.id().equals(tokenId) && t.staffId().equals(staffId)).findFirst()
                .orElseThrow(() -> OrganizationProblem.tokenNotFound(tokenId));
        if (store.revokeToken(tokenId, clock.instant(), CurrentUser.name())) {
            events.publishEvent(new OrganizationChanged("API_TOKEN_REVOKED", "staff:" + token.username(),
                    "Thu hồi mã truy cập API '" + token.name() + "' (" + token.prefix() + "…)"));
        }
    }

    /** The staff member a bearer secret stands for, with their roles, if the token is valid now. */
    @Override
    public Optional<Authentication> authenticate(String secret) {
        if (!secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        var snapshot = memory.current();
        return snapshot.tokenByHash(sha256(secret))
                .filter(token -> token.validAt(clock.instant()))
                .flatMap(token -> snapshot.staff(token.staffId()))
                .filter(StaffView::active)
                .map(account -> UsernamePasswordAuthenticationToken.authenticated(account.username(), null,
                        account.roles().stream().map(r -> new SimpleGrantedAuthority(r.role().authority())).distinct().toList()));
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
