-- The work queues count each queue with its own subquery (WorkQueues), each on the partial index of its states and
-- scope columns (docs/benchmarks.md, work queues at 1,000,000 dossiers). The "unit" queue (steps of my agencies
-- waiting for someone with my roles, not yet assigned) had no index of its own: this one holds only unassigned
-- steps, by role then agency, so a province-wide caller and an agency's assigner both read only their rows.
create index dossier_unassigned_idx on dossier.dossier (step_role, step_agency_id)
    where step_assignee is null and step_role is not null;

-- dossier_active_idx (V4) served the single count over the OR of every queue; no query needs it any more, and every
-- move of a dossier that is not a HOT update inserted an entry into it.
drop index dossier.dossier_active_idx;

-- The due-today, overdue and due-soon queues of an agency that holds a step (liên thông) look for open dossiers by
-- due time: by (step agency, due time) among open dossiers they read only those (0.6 ms at a million where the V3
-- index on (step agency, step due time) over every held dossier read 2,219 rows, 10 ms). The unit queue has its
-- own index above, so nothing needs the V3 one.
create index dossier_step_agency_open_idx on dossier.dossier (step_agency_id, due_at)
    where state in ('RECEIVED', 'IN_PROCESSING', 'WITHDRAWAL_REQUESTED', 'PAUSED');
drop index dossier.dossier_step_agency_idx;
