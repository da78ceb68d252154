package vn.motcua.organization;

import vn.motcua.platform.AuditableEvent;

/** Something about the province's agencies, units or staff changed. */
public record OrganizationChanged(String action, String target, String summary) implements AuditableEvent {
}
