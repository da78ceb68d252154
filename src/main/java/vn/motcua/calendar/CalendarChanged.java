package vn.motcua.calendar;

import vn.motcua.platform.AuditableEvent;

/** The working calendar changed: a year's announcement, a statutory holiday or office hours. */
public record CalendarChanged(String action, String target, String summary) implements AuditableEvent {
}
