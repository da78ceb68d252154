-- Oversight's own projection of the dossier events: one row per received dossier with the dates the statistics and
-- the 766 index use. Each event carries the dossier's whole clock after it, so a row is simply overwritten by a newer
-- event (last_event_at guards against an older one arriving late, as in a rebuild): incremental and rebuilt agree.
create table oversight.dossier_fact (
    code                     text primary key,
    receiving_agency_id      uuid not null,
    handling_agency_id       uuid not null,
    procedure_code           text not null,
    channel                  text not null check (channel in ('DIRECT', 'ONLINE', 'POSTAL')),
    state                    text not null,
    national_status          smallint not null,
    received_at              timestamptz not null,
    original_due_at          timestamptz,
    due_at                   timestamptz,
    extended                 boolean not null default false,
    apologised_at            timestamptz,
    supplement_count         int not null default 0,
    supplement_requested_at  timestamptz,
    supplement_received_at   timestamptz,
    ended_at                 timestamptz,
    end_kind                 text check (end_kind in ('RESOLVED', 'REFUSED', 'STOPPED')),
    returned_at              timestamptz,
    last_event_at            timestamptz not null
);
-- Figures of a period read the dossiers received before its end that had not ended before its start.
create index dossier_fact_handling_idx on oversight.dossier_fact (handling_agency_id, received_at);
create index dossier_fact_open_idx on oversight.dossier_fact (handling_agency_id, ended_at);

-- Every hand-over past its step budget: lateness is attributed to the agency and unit that held the dossier.
create table oversight.late_step (
    code          text not null,
    at            timestamptz not null,
    step          text not null,
    agency_id     uuid not null,
    unit_id       uuid,
    unit          text,
    late_minutes  int not null,
    primary key (code, at, step)
);
create index late_step_agency_idx on oversight.late_step (agency_id, at);
