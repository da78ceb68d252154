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
        @Nullable String sourceUrl) {

    public ProcedureRecord {
        levels = List.copyOf(levels);
        channels = List.copyOf(channels);
        documents = List.copyOf(documents);
        results = List.copyOf(results);
        legalBasis = List.copyOf(legalBasis);
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
                coordinatingAgency, steps, channels, newOnlineLevel, locationIndependent, documents, results, legalBasis, conditions, sourceUrl);
    }

    static ProcedureRecord listing(String code, @Nullable String localCode, String name, String field, List<ProcedureLevel> levels,
                                   OnlineLevel onlineLevel) {
        return new ProcedureRecord(code, localCode, name, field, levels, "", "", "", "", "", "", "", List.of(), onlineLevel, false,
                List.of(), List.of(), List.of(), "", null);
    }
}
