package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * Everything one version of a procedure says, as published: the seven mandatory components of Decree 63/2010
 * Art. 8 (name, steps, channels, dossier, time limit, applicants, implementing agency and result) and the
 * conditional ones (fees, forms, conditions, legal basis). Immutable: a change is a new version.
 */
public record ProcedureRecord(
        String code,
        @Nullable String localCode,
        String name,
        String field,
        List<ProcedureLevel> levels,
        String type,
        String applicants,
        String implementingAgency,
        String competentAgency,
        String authorisedAgency,
        String coordinatingAgency,
        String steps,
        List<Channel> channels,
        OnlineLevel onlineLevel,
        boolean locationIndependent,
        List<RequiredDocument> documents,
        List<String> results,
        List<LegalBasis> legalBasis,
        String conditions,
        @Nullable String sourceUrl,
        List<String> dossierNotes) {

    public ProcedureRecord {
        levels = copy(levels);
        channels = copy(channels);
        documents = copy(documents);
        results = copy(results);
        legalBasis = copy(legalBasis);
        dossierNotes = copy(dossierNotes);
    }

    /** A record without notes on its dossier. */
    public ProcedureRecord(String code, @Nullable String localCode, String name, String field, List<ProcedureLevel> levels, String type,
                           String applicants, String implementingAgency, String competentAgency, String authorisedAgency,
                           String coordinatingAgency, String steps, List<Channel> channels, OnlineLevel onlineLevel, boolean locationIndependent,
                           List<RequiredDocument> documents, List<String> results, List<LegalBasis> legalBasis, String conditions,
                           @Nullable String sourceUrl) {
        this(code, localCode, name, field, levels, type, applicants, implementingAgency, competentAgency, authorisedAgency, coordinatingAgency,
                steps, channels, onlineLevel, locationIndependent, documents, results, legalBasis, conditions, sourceUrl, List.of());
    }

    private static <T> List<T> copy(@Nullable List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** The mandatory components of Decree 63/2010 Art. 8(2) this record lacks, in the order of the Decree. */
    public java.util.Set<MandatoryComponent> missingComponents() {
        var missing = java.util.EnumSet.noneOf(MandatoryComponent.class);
        for (var c : MandatoryComponent.values()) {
            if (!c.presentIn(this)) {
                missing.add(c);
            }
        }
        return missing;
    }

    /** Whether the catalog holds more than the listing of a province (code, name, field, level): any step, channel or document. */
    public boolean detailsPublished() {
        return !steps.isBlank() || !channels.isEmpty() || !documents.isEmpty() || !applicants.isBlank() || !implementingAgency.isBlank();
    }

    /** Channels whose processing time has a number and no unit: the catalog officer must confirm the unit. */
    public boolean timeUnitMissing() {
        return channels.stream().anyMatch(Channel::timeUnitMissing);
    }

    /** The shortest processing time over the channels, as the catalog lists it, or null when none states one. */
    public @Nullable Channel quickestChannel() {
        return quickest(channels);
    }

    static @Nullable Channel quickest(List<Channel> channels) {
        return channels.stream().filter(c -> c.timeAmount() != null)
                .min(java.util.Comparator.comparing(Channel::timeAmount)).orElse(null);
    }

    ProcedureRecord withListing(@Nullable String newLocalCode, String newName, String newField, List<ProcedureLevel> newLevels,
                                OnlineLevel newOnlineLevel) {
        return new ProcedureRecord(code, newLocalCode != null ? newLocalCode : localCode, newName, newField.isBlank() ? field : newField,
                newLevels.isEmpty() ? levels : newLevels, type, applicants, implementingAgency, competentAgency, authorisedAgency,
                coordinatingAgency, steps, channels, newOnlineLevel, locationIndependent, documents, results, legalBasis, conditions, sourceUrl,
                dossierNotes);
    }

    static ProcedureRecord listing(String code, @Nullable String localCode, String name, String field, List<ProcedureLevel> levels,
                                   OnlineLevel onlineLevel) {
        return new ProcedureRecord(code, localCode, name, field, levels, "", "", "", "", "", "", "", List.of(), onlineLevel, false,
                List.of(), List.of(), List.of(), "", null);
    }
}
