package vn.motcua.organization;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The fields an administrator fills in for a staff account; the password only when creating or resetting. */
public record StaffDraft(
        @NotBlank(message = "{staff.username.required}") @Pattern(regexp = "[a-z0-9._-]{3,50}", message = "{staff.username.format}") String username,
        @NotBlank(message = "{staff.fullName.required}") @Size(max = 200) String fullName,
        @Nullable @Email(message = "{staff.email.format}") String email,
        @Nullable @Pattern(regexp = "(\\+?[0-9 .-]{8,20})?", message = "{staff.phone.format}") String phone,
        @Nullable @Size(max = 200) String position,
        @Nullable @Size(min = 8, max = 100, message = "{staff.password.length}") String password) {
}
