package vn.motcua.organization;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the organisation in memory ({@link OrganizationSnapshot}) and current. A transaction that publishes
 * {@link OrganizationChanged} raises {@code organization.revision} as it commits and rebuilds this node's
 * snapshot right after; every node polls the revision every {@code motcua.organization.refresh-ms} (5 s) and
 * rebuilds when it moved, so other nodes follow within seconds and a node that missed a change (down, or
 * a change written by hand) catches up on its next poll.
 *
 * <p>Readers inside a read-write transaction must see that transaction's own uncommitted changes, so they
 * read the tables instead ({@link #snapshotOutsideWrites()} returns null for them).
 */
@Component
class OrganizationMemory {

    private static final Logger log = LoggerFactory.getLogger(OrganizationMemory.class);

    private final OrganizationStore store;
    private final TransactionTemplate consistentRead;
    private volatile @Nullable OrganizationSnapshot snapshot;

    OrganizationMemory(OrganizationStore store, PlatformTransactionManager transactions) {
        this.store = store;
        this.consistentRead = new TransactionTemplate(transactions);
        consistentRead.setReadOnly(true);
        consistentRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        consistentRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The current snapshot, built on first use. */
    OrganizationSnapshot current() {
        var s = snapshot;
        return s != null ? s : refresh();
    }

    /** The snapshot, unless the caller is inside a read-write transaction (which must read its own writes). */
    @Nullable OrganizationSnapshot snapshotOutsideWrites() {
        if (TransactionSynchronizationManager.isActualTransactionActive() && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return null;
        }
        return current();
    }

    /** Reads every table in one repeatable-read transaction, so the snapshot is one consistent revision. */
    synchronized OrganizationSnapshot refresh() {
        var built = consistentRead.execute(status -> new OrganizationSnapshot(store.revision(), store.agencies(),
                store.units("true", java.util.Map.of()), store.staff(), store.tokens()));
        var held = snapshot;
        if (held == null || built.revision >= held.revision) {
            snapshot = built;
            log.debug("Organisation snapshot at revision {}: {} agencies, {} staff", built.revision, built.agencies().size(), built.staff().size());
        }
        return snapshot;
    }

    /** Builds the snapshot before the first request, which would otherwise pay for it. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        refresh();
    }

    /** Another node changed the organisation (or this node missed its own notice): rebuild from the tables. */
    @Scheduled(fixedDelayString = "${motcua.organization.refresh-ms:5000}", initialDelayString = "${motcua.organization.refresh-ms:5000}")
    void refreshIfChanged() {
        var held = snapshot;
        if (held != null && store.revision() != held.revision) {
            refresh();
        }
    }

    /**
     * Once per transaction, however many changes it makes (an import of a thousand agencies): raise the revision
     * just before commit, in the same transaction, and rebuild this node's snapshot after the commit.
     */
    @EventListener
    void on(OrganizationChanged change) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            store.bumpRevision();
            refresh();
            return;
        }
        if (TransactionSynchronizationManager.getSynchronizations().stream().noneMatch(RebuildAfterCommit.class::isInstance)) {
            TransactionSynchronizationManager.registerSynchronization(new RebuildAfterCommit());
        }
    }

    /** Registered once per transaction that changes the organisation (a suspended outer transaction keeps its own). */
    private final class RebuildAfterCommit implements TransactionSynchronization {

        @Override
        public void beforeCommit(boolean readOnly) {
            store.bumpRevision();
        }

        /** The change is committed whatever happens here; if the rebuild fails, the next poll rebuilds. */
        @Override
        public void afterCommit() {
            try {
                refresh();
            } catch (RuntimeException e) {
                log.warn("Organisation snapshot not rebuilt after commit; the next poll retries", e);
            }
        }
    }
}
