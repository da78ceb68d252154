package vn.motcua.oversight;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.LegalBasis;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.platform.text.Folding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Indicator 1.1 of the 766 index, "TTHC được công bố đúng hạn": of the procedures whose publishing decision is dated
 * in the period, the share whose decision came at least the lead time (working days, {@code
 * oversight/index766-publication-lead.csv}, dated data) before the latest of its legal bases took effect. Working days
 * are the province's calendar (holidays, swapped days, make-up Saturdays). A procedure whose legal bases carry no
 * effective date, or whose decision has no date, cannot be judged and is left out of both counts; when no procedure
 * of the catalog carries an effective date at all (the national export gives none: 0 of 3,604) the indicator is N/A
 * with that reason. Judged on the versions in force at the period's end: a version published and superseded within
 * the period is not counted (the catalog keeps it, the index reads what is in force).
 */
@Component
class PublicationTimeliness {

    /** Who published: a minister (or ministry) or the province's People's Committee chairman. */
    enum Issuer {
        MINISTRY, PROVINCE;

        /** From the decision's issuer as the catalog states it ("Bộ trưởng Bộ Tư pháp", "Chủ tịch UBND tỉnh"), else the procedure's level. */
        static Issuer of(@Nullable String issuer, List<ProcedureLevel> levels) {
            if (issuer != null && !issuer.isBlank()) {
                String folded = Folding.fold(issuer).strip();
                return folded.startsWith("bo ") || folded.contains("bo truong") ? MINISTRY : PROVINCE;
            }
            return levels.contains(ProcedureLevel.MINISTRY) && !levels.contains(ProcedureLevel.PROVINCE)
                    && !levels.contains(ProcedureLevel.COMMUNE) ? MINISTRY : PROVINCE;
        }
    }

    /** A lead time in force from {@code validFrom} to {@code validTo} (inclusive; null: still in force). */
    record Lead(LocalDate validFrom, @Nullable LocalDate validTo, Issuer issuer, int workingDays) {
        boolean appliesOn(LocalDate day, Issuer who) {
            return issuer == who && !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
        }
    }

    /** What 1.1 counts: decisions judged in the period, those on time, and how many procedures carry an effective date at all. */
    record Counts(long onTime, long judged, long withEffectiveDates, long procedures) {
    }

    private final WorkingCalendar calendar;
    private final List<Lead> leads;

    PublicationTimeliness(WorkingCalendar calendar) {
        this.calendar = calendar;
        this.leads = load();
    }

    Counts count(Collection<ProcedureVersion> versions, LocalDate from, LocalDate to) {
        long onTime = 0;
        long judged = 0;
        long withDates = 0;
        for (var v : versions) {
            var effective = latestEffective(v);
            if (effective != null) {
                withDates++;
            }
            if (v.decisionDate() == null || v.decisionDate().isBefore(from) || v.decisionDate().isAfter(to)) {
                continue;
            }
            Boolean verdict = onTime(v);
            if (verdict != null) {
                judged++;
                onTime += verdict ? 1 : 0;
            }
        }
        return new Counts(onTime, judged, withDates, versions.size());
    }

    /** Whether the version's decision came in time; null when it cannot be judged (no decision date, no effective date, no rule). */
    @Nullable Boolean onTime(ProcedureVersion v) {
        LocalDate decided = v.decisionDate();
        LocalDate effective = latestEffective(v);
        if (decided == null || effective == null) {
            return null;
        }
        var who = Issuer.of(v.decisionIssuer(), v.record().levels());
        var lead = leads.stream().filter(l -> l.appliesOn(decided, who)).findFirst().orElse(null);
        if (lead == null) {
            return null;
        }
        if (!effective.isAfter(decided)) {
            return false; // published the day the basis took effect or after it
        }
        // "decided ≤ effective − N working days": at least N working days after the decision day, up to the effective day
        return calendar.countWorkingDays(decided.plusDays(1), effective.plusDays(1)) >= lead.workingDays();
    }

    private static @Nullable LocalDate latestEffective(ProcedureVersion v) {
        return v.record().legalBasis().stream().map(LegalBasis::effectiveDate).filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null);
    }

    private static List<Lead> load() {
        try (var csv = new java.io.InputStreamReader(new ClassPathResource("oversight/index766-publication-lead.csv").getInputStream(),
                StandardCharsets.UTF_8)) {
            var leads = new ArrayList<Lead>();
            for (var r : IndexDefinitions.FORMAT.parse(csv)) {
                String to = r.get("valid_to");
                leads.add(new Lead(LocalDate.parse(r.get("valid_from")), to.isBlank() ? null : LocalDate.parse(to), Issuer.valueOf(r.get("issuer")),
                        Integer.parseInt(r.get("lead_working_days"))));
            }
            return List.copyOf(leads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
