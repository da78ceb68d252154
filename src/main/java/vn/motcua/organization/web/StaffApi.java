package vn.motcua.organization.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import vn.motcua.organization.AccessScope;
import vn.motcua.organization.ApiTokenView;
import vn.motcua.organization.ApiTokens;
import vn.motcua.organization.IssuedApiToken;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffDirectory;
import vn.motcua.organization.StaffDraft;
import vn.motcua.organization.StaffView;
import vn.motcua.platform.web.ApiController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Staff accounts and role assignments: administrators manage them; everyone may read their own. */
@ApiController("/api/v1")
@Tag(name = "Cán bộ (staff)")
class StaffApi {

    private final StaffDirectory staff;
    private final ApiTokens tokens;

    StaffApi(StaffDirectory staff, ApiTokens tokens) {
        this.staff = staff;
        this.tokens = tokens;
    }

    /** A token to issue: a name saying which client uses it, and the last day it works. */
    record TokenRequest(@NotBlank @Size(max = 100) String name, @NotNull LocalDate expiresOn) {
    }

    record Me(StaffView account, AccessScope scope) {
    }

    record RoleJson(@NotNull Role role, @NotNull UUID agencyId, @Nullable UUID unitId) {
    }

    @GetMapping("/me")
    Me me(Authentication user) {
        var scope = staff.scopeOf(user.getName());
        return new Me(staff.byUsername(user.getName()).orElseThrow(), scope);
    }

    @GetMapping("/staff")
    List<StaffView> list(Authentication user) {
        return staff.visibleTo(staff.scopeOf(user.getName()));
    }

    @GetMapping("/staff/{id}")
    StaffView get(@PathVariable UUID id, Authentication user) {
        var account = staff.get(id);
        var scope = staff.scopeOf(user.getName());
        if (!scope.wholeProvince() && !account.username().equals(user.getName())
                && account.roles().stream().noneMatch(scope::covers)) {
            throw new org.springframework.security.access.AccessDeniedException("outside scope");
        }
        return account;
    }

    @PostMapping("/staff")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<StaffView> create(@Valid @RequestBody StaffDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(staff.create(draft));
    }

    @PutMapping("/staff/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    StaffView update(@PathVariable UUID id, @Valid @RequestBody StaffDraft draft, @RequestHeader("If-Match") String ifMatch) {
        return staff.update(id, draft, Versions.parse(ifMatch));
    }

    @PostMapping("/staff/{id}/deactivation")
    @PreAuthorize("hasRole('ADMIN')")
    StaffView deactivate(@PathVariable UUID id) {
        return staff.deactivate(id);
    }

    @PostMapping("/staff/{id}/roles")
    @PreAuthorize("hasRole('ADMIN')")
    StaffView assign(@PathVariable UUID id, @Valid @RequestBody RoleJson role) {
        return staff.assign(id, role.role(), role.agencyId(), role.unitId());
    }

    /** Issues a personal access token for the staff member; the secret is in this answer only. */
    @PostMapping("/staff/{id}/tokens")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Issue a personal access token (send it as Authorization: Bearer <secret>)")
    ResponseEntity<IssuedApiToken> issueToken(@PathVariable UUID id, @Valid @RequestBody TokenRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(tokens.issue(id, request.name(), request.expiresOn()));
    }

    @GetMapping("/staff/{id}/tokens")
    @PreAuthorize("hasRole('ADMIN')")
    List<ApiTokenView> tokens(@PathVariable UUID id) {
        staff.get(id);
        return tokens.of(id);
    }

    @DeleteMapping("/staff/{id}/tokens/{tokenId}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> revokeToken(@PathVariable UUID id, @PathVariable UUID tokenId) {
        tokens.revoke(id, tokenId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/staff/{id}/roles")
    @PreAuthorize("hasRole('ADMIN')")
    StaffView revoke(@PathVariable UUID id, @Valid @RequestBody RoleJson role) {
        return staff.revoke(id, role.role(), role.agencyId(), role.unitId());
    }
}
