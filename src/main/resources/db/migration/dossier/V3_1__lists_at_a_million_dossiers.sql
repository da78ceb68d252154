-- Two indexes the work-queue benchmark asked for with 1,000,000 dossiers (docs/benchmarks.md, issue 11).
-- The desk's list of dossiers in scope, newest first (DossierStore.search: receiving or handling agency in scope,
-- order by decided_at desc, code): with only the per-agency indexes PostgreSQL read and sorted every dossier of a
-- large scope (1.0-1.5 s for the provincial centre); walking this index newest first stops after a page.
create index dossier_decided_idx on dossier.dossier (decided_at desc, code);
-- The queue counts (WorkQueues: one count per queue over the OR of every queue's condition): each condition names
-- unfinished states, and this partial index (the few percent of dossiers not yet finished) lets the OR become index
-- scans instead of reading the whole table (1.5-2.9 s for a province-wide scope). Finished dossiers are not in it.
create index dossier_unfinished_idx on dossier.dossier (state)
    where state in ('SUBMITTED', 'RECEIVED', 'AWAITING_INTAKE_SUPPLEMENT', 'AWAITING_SUPPLEMENT', 'AWAITING_PAYMENT',
                    'IN_PROCESSING', 'WITHDRAWAL_REQUESTED', 'PAUSED', 'RESULT_READY');
