-- The work queues count and list only dossiers still being worked on or waiting; returned, stopped and refused
-- dossiers (most of the table after a year) stay out of their scans.
create index dossier_active_idx on dossier.dossier (handling_agency_id, step_agency_id, receiving_agency_id)
    where state not in ('RETURNED', 'STOPPED', 'REFUSED_AT_INTAKE');
