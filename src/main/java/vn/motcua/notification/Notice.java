package vn.motcua.notification;

import java.util.Map;

/**
 * What one dossier event tells the applicant, before it is put into words: the kind (which templates), the dossier,
 * the event's own facts ({@code facts}: dates already as Vietnam shows them, reasons in words) and the key that makes
 * the event's messages unique (one per channel, however often the event is delivered).
 */
record Notice(NotificationKind kind, String dossierCode, String eventKey, Map<String, Object> facts) {
}
