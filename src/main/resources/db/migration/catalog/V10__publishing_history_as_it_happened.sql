-- A decision's number, date and issuer are what its source states, or null where the source does not state them
-- (a province's listing names no decision; the national export gives numbers but no dates). An imported decision
-- says which file it came from.
alter table catalog.decision alter column number drop not null;
alter table catalog.decision alter column decided_on drop not null;
alter table catalog.decision alter column issuer drop not null;
alter table catalog.decision add column source_file varchar(300);

-- Imports before this migration wrote the import day as the decision date and a file name as the number.
update catalog.decision set decided_on = null where source = 'IMPORT';
update catalog.decision set source_file = substring(number from length('Danh mục TTHC nhập từ ') + 1), number = null
 where source = 'IMPORT' and number like 'Danh mục TTHC nhập từ %';
update catalog.decision set number = null where source = 'IMPORT' and number = '(không rõ số quyết định)';

-- The decision that closed a version (amended, replaced or abolished it), so a procedure's page can say by which
-- decision and from when it ended. A version closed on its first day has valid_to = valid_from - 1: it was never in force.
alter table catalog.procedure_version add column closed_by uuid references catalog.decision (id);
update catalog.procedure_version v set closed_by = (
    select d.id from catalog.decision d join catalog.decision_item i on i.decision_id = d.id
     where i.code = v.code and d.applied_at is not null and d.effective_date = v.valid_to + 1 and d.id <> v.decision_id
     order by d.applied_at limit 1)
 where v.valid_to is not null;
-- Drafts are edited item by item on a page: an item's position may be renumbered while the decision is a draft.
alter table catalog.decision add column revision int not null default 0;

-- An upload waiting for its officer to confirm the preview (the bytes, so the confirmation applies exactly them).
create table catalog.staged_import (
    id          uuid primary key,
    file_name   varchar(300) not null,
    sha256      char(64) not null,
    content     bytea not null,
    staged_by   varchar(100) not null,
    staged_at   timestamptz not null
);
