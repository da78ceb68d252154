-- Where a year's list of days comes from: the announcement (a CSV of the Government's announcement, or shipped with
-- motcua), or the Labor Code's derivation edited locally.
alter table calendar.announcement add column basis varchar(20) not null default 'ANNOUNCEMENT'
    check (basis in ('ANNOUNCEMENT', 'DERIVED'));

-- A day added, changed or removed locally, with the document that authorises it; never the Government's announcement.
create table calendar.local_edit (
    id              serial primary key,
    year            int not null,
    date            date not null,
    action          varchar(10) not null check (action in ('SET', 'REMOVE')),
    kind            varchar(20),
    name            varchar(300),
    document_number varchar(100) not null,
    document_date   date not null,
    document_issuer varchar(300) not null,
    edited_by       varchar(100) not null,
    edited_at       timestamptz not null
);
create index local_edit_year on calendar.local_edit (year, date);
-- The local edit a listed day comes from (null: from the announcement or the derivation).
alter table calendar.announced_day add column local_edit_id int references calendar.local_edit (id);
