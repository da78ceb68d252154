-- Office hours name their agency by its stable id (the organization module's agency id), never by the electronic
-- ID, which is re-issued: rows keyed by the old string silently fell back to the default hours after a re-issue.
-- A module never reads another module's tables, so this migration cannot look the ids up: the electronic ID of a
-- row written before this change moves to legacy_electronic_id, and the application maps it at start through the
-- organization module's front door (calendar/OfficeHoursAgencyIds.java). An unmapped row applies to nobody and
-- is logged at every start until an administrator re-enters it.
alter table calendar.office_hours rename column agency_electronic_id to legacy_electronic_id;
alter table calendar.office_hours add column agency_id uuid;
alter table calendar.office_hours add constraint office_hours_one_agency_reference
    check (agency_id is null or legacy_electronic_id is null);
create index office_hours_legacy on calendar.office_hours (id) where legacy_electronic_id is not null;
