-- The desk's list of dossiers in scope, newest first (DossierStore.search: receiving or handling agency in scope,
-- order by decided_at desc, code), with 1,000,000 dossiers (docs/benchmarks.md, work queues): with only the
-- per-agency indexes PostgreSQL read and sorted every dossier of a large scope (1.0-1.5 s for the provincial
-- centre's 300,000); walking this index newest first stops after a page (1 ms).
create index dossier_decided_idx on dossier.dossier (decided_at desc, code);
