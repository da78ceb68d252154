-- Internal processes name their agency by its stable id (the organization module's agency id), never by the
-- electronic ID, which is re-issued: a process keyed by the old string silently stopped applying after a re-issue.
-- A module never reads another module's tables, so this migration cannot look the ids up: the electronic ID of a
-- process approved before this change moves to legacy_electronic_id, and the application maps it at start through
-- the organization module's front door (catalog/InternalProcessAgencyIds.java). An unmapped process applies to nobody
-- (it is never taken for the province-wide one) and is logged at every start.
alter table catalog.internal_process rename column agency_electronic_id to legacy_electronic_id;
alter table catalog.internal_process add column agency_id uuid;
alter table catalog.internal_process add constraint internal_process_one_agency_reference
    check (agency_id is null or legacy_electronic_id is null);
alter table catalog.internal_process drop constraint internal_process_code_agency_electronic_id_version_no_key;
drop index catalog.internal_process_open;
create unique index internal_process_version on catalog.internal_process
    (code, coalesce(agency_id, '00000000-0000-0000-0000-000000000000'), version_no) where legacy_electronic_id is null;
create index internal_process_open on catalog.internal_process (code, agency_id) where valid_to is null;
create index internal_process_legacy on catalog.internal_process (id) where legacy_electronic_id is not null;
