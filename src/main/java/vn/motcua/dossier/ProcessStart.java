package vn.motcua.dossier;

import org.springframework.stereotype.Component;
import vn.motcua.platform.database.PendingWrites;

import java.time.Instant;
import java.util.Objects;

/**
 * Puts a dossier just received (at the desk, or accepted online) on the first step of its process, in the intake's
 * transaction: the plan, the clock policy and the clock are copied onto it and the desk's hand-over to the handling
 * agency is recorded (queued: no round trip of its own beyond reading the process and the policy).
 */
@Component
class ProcessStart {

    private final ProcessingStore processing;
    private final ProcessPlans plans;
    private final DossierClock clock;
    private final PendingWrites writes;

    ProcessStart(ProcessingStore processing, ProcessPlans plans, DossierClock clock, PendingWrites writes) {
        this.processing = processing;
        this.plans = plans;
        this.clock = clock;
        this.writes = writes;
    }

    void begin(Dossier received, String deskOfficer) {
        Instant receivedAt = Objects.requireNonNull(received.receivedAt());
        DossierCase c = new DossierCase(received);
        c.policy = processing.policy(received.procedure().code());
        c.begin(plans.plan(received, receivedAt, received.dueAt()), receivedAt, clock, deskOfficer);
        processing.save(c, false);
    }

    /** Sends what was queued, for a caller that reads the dossier back in the same transaction. */
    void flush() {
        writes.flush();
    }
}
