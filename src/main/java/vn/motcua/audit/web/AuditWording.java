package vn.motcua.audit.web;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.motcua.audit.AuditEntry;
import vn.motcua.platform.TargetNames;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit log in officials' words. Records keep what was written when they were signed (codes, keys, ISO dates:
 * a record is never rewritten); the page shows the action's Vietnamese label ({@code audit.action.*}), the target
 * by name ("Sở Tư pháp (H36.10)", asked of the module that owns it through {@link TargetNames}), and the summary
 * with its dates as dd/MM/yyyy, role and change codes in words, and counts like {@code {NEW=962, AMENDED=332}} as
 * "962 công bố mới, 332 sửa đổi, bổ sung". An action or kind without a label is shown as written.
 */
@Component
class AuditWording {

    /** The actions the modules record, in the order the filter lists them. */
    static final List<String> ACTIONS = List.of("AGENCY_CREATED", "AGENCY_UPDATED", "AGENCY_DEACTIVATED", "UNIT_CREATED",
            "UNIT_RENAMED", "UNIT_DEACTIVATED", "STAFF_CREATED", "STAFF_UPDATED", "STAFF_DEACTIVATED", "STAFF_REACTIVATED",
            "ROLE_ASSIGNED", "ROLE_REVOKED", "ACCOUNT_LOCKED", "API_TOKEN_ISSUED", "API_TOKEN_REVOKED",
            "CALENDAR_ANNOUNCEMENT_REPLACED", "OFFICE_HOURS_ADDED", "DECISION_DRAFTED", "DECISION_APPLIED", "INTERNAL_PROCESS_APPROVED");

    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern COUNTS = Pattern.compile("\\{((?:[A-Z_]+=\\d+(?:, )?)+)}");
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z]+(?:_[A-Z]+)+\\b|\\b(?:NEW|AMENDED|REPLACED|ABOLISHED|ADMIN|SIGNER|CLERK|ASSIGNER|SPECIALIST)\\b");
    private static final Pattern UUID_TEXT = Pattern.compile("\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final MessageSource messages;
    private final List<TargetNames> names;

    AuditWording(MessageSource messages, List<TargetNames> names) {
        this.messages = messages;
        this.names = names;
    }

    /** One row of the log as the page shows it; the codes stay in {@code entry} (and the page's tooltips). */
    record Shown(AuditEntry entry, String actor, String action, String target, String summary) {
    }

    Shown show(AuditEntry entry, Locale locale) {
        return new Shown(entry, actor(entry.actor(), locale), action(entry.action(), locale), target(entry.target(), locale),
                summary(entry.summary(), locale));
    }

    String action(String code, Locale locale) {
        return messages.getMessage("audit.action." + code, null, code, locale);
    }

    String actor(String username, Locale locale) {
        if ("system".equals(username)) {
            return messages.getMessage("audit.system", null, username, locale);
        }
        return name("staff", username).map(n -> n + " (" + username + ")").orElse(username);
    }

    /** {@code kind:key} as "Cơ quan Sở Tư pháp (H36.10)"; a target of an unknown kind as written. */
    String target(String target, Locale locale) {
        int colon = target.indexOf(':');
        if (colon < 0) {
            return target;
        }
        String kind = target.substring(0, colon);
        String key = target.substring(colon + 1);
        String what = switch (kind) {
            case "agency", "staff" -> name(kind, key).map(n -> n + " (" + key + ")").orElse(key);
            case "unit" -> name(kind, key).orElse(key);
            case "office-hours" -> "default".equals(key) ? messages.getMessage("audit.target.defaultHours", null, key, locale)
                    : name("agency-id", key).orElse(key);
            default -> key;
        };
        return messages.getMessage("audit.target." + kind, new Object[] {what}, target, locale);
    }

    String summary(String summary, Locale locale) {
        String out = replace(COUNTS.matcher(summary), m -> counts(m.group(1), locale));
        out = replace(ISO_DATE.matcher(out), m -> LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))).format(SHOWN));
        out = replace(CODE.matcher(out), m -> label(m.group(), locale));
        return replace(UUID_TEXT.matcher(out), m -> name("agency-id", m.group()).or(() -> name("unit", m.group())).orElse(m.group()));
    }

    private String counts(String pairs, Locale locale) {
        var out = new StringBuilder();
        for (String pair : pairs.split(", ")) {
            String[] kv = pair.split("=");
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(kv[1]).append(' ').append(messages.getMessage("change." + kv[0], null, kv[0], locale));
        }
        return out.toString();
    }

    private String label(String code, Locale locale) {
        for (String prefix : List.of("role.", "change.", "dayKind.", "agencyType.")) {
            String found = messages.getMessage(prefix + code, null, null, locale);
            if (found != null) {
                return found;
            }
        }
        return code;
    }

    private Optional<String> name(String kind, String key) {
        return names.stream().map(n -> n.nameOf(kind, key)).flatMap(Optional::stream).findFirst();
    }

    private static String replace(Matcher matcher, java.util.function.Function<Matcher, String> with) {
        return matcher.replaceAll(m -> Matcher.quoteReplacement(with.apply(matcher)));
    }
}
