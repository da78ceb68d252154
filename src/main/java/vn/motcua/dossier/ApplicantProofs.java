package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The applicant proves a dossier with the last four digits of the phone, ID number or tax code (the public lookup
 * shows the full name, the rating form opens). Four digits are few: the per-address rate limit stops one client
 * walking them, and this counts wrong tries <em>per dossier</em>, from every address together, so that many
 * addresses cannot either. After {@code motcua.applicant-proof.max-wrong} wrong tries (10 by default) within
 * {@code motcua.applicant-proof.window-hours} (24), the dossier takes no more tries until the window has passed; the
 * applicant can still see the masked lookup and rate at the desk. Counts live in memory, per node (at most 100,000
 * dossiers; the oldest windows go first).
 */
@Component
public class ApplicantProofs {

    /** What a try came to. */
    public enum Outcome {
        /** No digits given. */
        NOT_TRIED,
        PROVEN,
        WRONG,
        /** Too many wrong tries for this dossier lately: the digits were not checked. */
        BLOCKED
    }

    private static final int MAX_TRACKED = 100_000;

    private final ConcurrentHashMap<String, Tries> tries = new ConcurrentHashMap<>();
    private final int maxWrong;
    private final Duration window;
    private final Clock clock;

    ApplicantProofs(@Value("${motcua.applicant-proof.max-wrong:10}") int maxWrong,
                    @Value("${motcua.applicant-proof.window-hours:24}") int windowHours, Clock clock) {
        this.maxWrong = maxWrong;
        this.window = Duration.ofHours(windowHours);
        this.clock = clock;
    }

    /** Checks {@code digits} against the applicant of dossier {@code code}, counting a wrong try against the dossier. */
    public Outcome check(String code, Applicant applicant, @Nullable String digits) {
        if (digits == null || digits.isBlank()) {
            return Outcome.NOT_TRIED;
        }
        Instant now = clock.instant();
        Tries t = tries.get(code);
        if (t != null && now.isBefore(t.since.plus(window)) && t.wrong >= maxWrong) {
            return Outcome.BLOCKED;
        }
        if (applicant.provenBy(digits)) {
            return Outcome.PROVEN;
        }
        tries.compute(code, (k, old) -> old == null || !now.isBefore(old.since.plus(window)) ? new Tries(1, now) : new Tries(old.wrong + 1, old.since));
        if (tries.size() > MAX_TRACKED) {
            tries.entrySet().removeIf(e -> !now.isBefore(e.getValue().since.plus(window)));
        }
        return Outcome.WRONG;
    }

    /** When dossier {@code code} takes tries again (only meaningful after {@link Outcome#BLOCKED}). */
    public Instant openAgainAt(String code) {
        Tries t = tries.get(code);
        return t == null ? clock.instant() : t.since.plus(window);
    }

    private record Tries(int wrong, Instant since) {
    }
}
