package vn.motcua.catalog;

import vn.motcua.platform.AuditableEvent;

import java.util.List;

/** A publishing decision was applied: the procedures it touched get new or closed versions. */
public record CatalogChanged(String action, String target, String summary, List<String> codes) implements AuditableEvent {
}
