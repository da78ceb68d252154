-- A dossier copies at intake what it needs from the catalog and the organisation (procedure name and version,
-- agency names and electronic IDs, the processing time): later changes there never alter it or its deadline.
create table dossier.dossier (
    id                     uuid primary key,
    code                   text not null unique,
    code_from_portal       boolean not null default false,
    channel                text not null check (channel in ('DIRECT', 'ONLINE', 'POSTAL')),
    state                  text not null,
    national_status        smallint not null check (national_status between 1 and 10),
    procedure_code         text not null,
    procedure_name         text not null,
    procedure_version      int not null,
    procedure_decision     text not null,
    receiving_agency_id    uuid not null,
    receiving_agency_eid   text not null,
    receiving_agency_name  text not null,
    handling_agency_id     uuid not null,
    handling_agency_eid    text not null,
    handling_agency_name   text not null,
    applicant              jsonb not null,
    applicant_name         text not null,
    applicant_name_folded  text not null,  -- lower case, no diacritics: what a desk officer types
    applicant_id_number    text,
    applicant_tax_code     text,
    applicant_phone        text,
    documents              jsonb not null,
    missing                jsonb not null default '[]',
    time_amount            int,
    time_unit              text,
    time_text              text not null default '',
    submitted_at           timestamptz,
    received_at            timestamptz,
    due_at                 timestamptz,
    decided_at             timestamptz not null,   -- when the desk took the intake outcome (or the portal submitted)
    decided_by             text not null,
    note                   text not null default '',
    version                int not null default 0
);
create index dossier_received_idx on dossier.dossier (receiving_agency_id, decided_at desc);
create index dossier_handling_idx on dossier.dossier (handling_agency_id, decided_at desc);
create index dossier_id_number_idx on dossier.dossier (applicant_id_number, decided_at desc) where applicant_id_number is not null;
create index dossier_tax_code_idx on dossier.dossier (applicant_tax_code, decided_at desc) where applicant_tax_code is not null;
create index dossier_phone_idx on dossier.dossier (applicant_phone) where applicant_phone is not null;
create index dossier_waiting_idx on dossier.dossier (receiving_agency_id, submitted_at) where state = 'SUBMITTED';

-- What happened to a dossier, append-only; public_note is what the public lookup shows.
create table dossier.history (
    id              bigserial primary key,
    dossier_id      uuid not null references dossier.dossier (id),
    at              timestamptz not null,
    actor           text not null,
    from_state      text,
    to_state        text not null,
    national_status smallint not null,
    public_note     text not null,
    note            text not null default ''
);
create index history_dossier_idx on dossier.history (dossier_id, id);

-- Every slip as it was issued: its number and the content it printed, never recomputed.
create table dossier.slip (
    id          uuid primary key,
    dossier_id  uuid not null references dossier.dossier (id),
    form        text not null,
    number      text not null,
    issued_at   timestamptz not null,
    content     jsonb not null
);
create index slip_dossier_idx on dossier.slip (dossier_id, issued_at);

-- One answer per (user, Idempotency-Key): a repeated request gets the first answer, never a second dossier.
create table dossier.idempotency (
    username      text not null,
    key           text not null,
    request_hash  text not null,
    dossier_code  text,
    created_at    timestamptz not null,
    primary key (username, key)
);

create or replace function dossier.forbid_change() returns trigger language plpgsql as $$
begin
    raise exception 'dossier.% is append-only', tg_table_name;
end $$;
create trigger history_append_only before update or delete on dossier.history
    for each row execute function dossier.forbid_change();
create trigger slip_append_only before update or delete on dossier.slip
    for each row execute function dossier.forbid_change();
