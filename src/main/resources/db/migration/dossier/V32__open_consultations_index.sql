-- The consulted agencies' work queue (WorkQueue.CONSULTATIONS): the open consultations addressed to an agency or a
-- unit, by due time. Answered ones leave the index.
create index consultation_open_agency_idx on dossier.consultation (agency_id, due_at) where answered_at is null;
create index consultation_open_unit_idx on dossier.consultation (unit_id, due_at) where answered_at is null and unit_id is not null;
