package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What anyone who has a dossier's code may read (the slip's QR code opens it): the procedure, the agencies, the status
 * in citizens' words with the national status code, the times and a public timeline. The applicant's name is masked
 * unless the caller also gives the last four digits of the applicant's phone number or ID number; nothing else
 * personal is shown. The lookup is rate-limited per client address ({@code motcua.rate-limits.lookup.*}) so that
 * codes, which follow a daily sequence, cannot be walked.
 */
@Service
public class PublicLookup {

    private final DossierStore store;
    private final ApplicantProofs proofs;

    PublicLookup(DossierStore store, ApplicantProofs proofs) {
        this.store = store;
        this.proofs = proofs;
    }

    public record PublicDossier(String code, String procedureCode, String procedureName, String receivingAgency,
                                String handlingAgency, String channel, String status, int nationalStatus, String applicantName,
                                boolean applicantVerified, boolean proofBlocked, @Nullable Instant submittedAt, @Nullable Instant receivedAt,
                                @Nullable Instant dueAt, @Nullable String appointment, List<Step> timeline) {
    }

    public record Step(Instant at, String status, int nationalStatus, String text) {
    }

    @Transactional(readOnly = true)
    public Optional<PublicDossier> find(String code, @Nullable String lastFourDigits) {
        if (code == null || code.length() > 60) {
            return Optional.empty();
        }
        return store.byCode(code.strip().toUpperCase(java.util.Locale.ROOT)).map(d -> {
            var proof = proofs.check(d.code(), d.applicant(), lastFourDigits);
            boolean verified = proof == ApplicantProofs.Outcome.PROVEN;
            return new PublicDossier(d.code(), d.procedure().code(), d.procedure().name(), d.receivingAgency().name(),
                    d.handlingAgency().name(), DossierWords.channel(d.channel()), DossierWords.state(d.state()), d.nationalStatus(),
                    verified ? d.applicant().fullName() : d.applicant().maskedName(), verified, proof == ApplicantProofs.Outcome.BLOCKED, d.submittedAt(), d.receivedAt(),
                    d.dueAt(), d.dueAt() == null ? null : DossierWords.appointment(d.dueAt()),
                    d.history().stream().map(h -> new Step(h.at(), DossierWords.state(h.to()), h.nationalStatus(), h.publicNote())).toList());
        });
    }
}
