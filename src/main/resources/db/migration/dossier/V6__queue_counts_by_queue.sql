-- The work queues count each queue with its own subquery (WorkQueues), each on the partial index of its states and
-- scope columns (docs/benchmarks.md, work queues at 1,000,000 dossiers). The "unit" queue (steps of my agencies
-- waiting for someone with my roles, not yet assigned) had no index of its own: this one holds only unassigned
-- steps, by role then agency, so a province-wide caller and an agency's assigner both read only their rows.
create index dossier_unassigned_idx on dossier.dossier (step_role, step_agency_id)
    where step_assignee is null and step_agency_id is not null;

-- dossier_active_idx (V4) served the single count over the OR of every queue; no query needs it any more, and every
-- move of a dossier that is not a HOT update inserted an entry into it.
drop index dossier.dossier_active_idx;
