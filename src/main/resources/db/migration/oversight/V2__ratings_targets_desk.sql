-- Oversight's own copy of the applicants' ratings (dossier.DossierRated), for indicator 5.4 of QĐ 766: one per dossier,
-- ever (the dossier module refuses a second). overall: the answer to the overall question (1-5) when it was asked.
create table oversight.dossier_rating (
    code                 text primary key,
    handling_agency_id   uuid not null,
    receiving_agency_id  uuid not null,
    received_by          text,
    overall              smallint,
    dissatisfied         boolean not null,
    rated_at             timestamptz not null
);
create index dossier_rating_agency_idx on oversight.dossier_rating (handling_agency_id, rated_at);

-- The province's own yearly targets per indicator (vn-rules §7.4: provinces set yearly targets on 766), entered by the
-- Home Affairs reform officer. targets: {"2.1": 0.95, ...} as ratios; version guards concurrent edits.
create table oversight.province_target (
    year        int primary key check (year between 2022 and 2100),
    targets     jsonb not null,
    version     int not null,
    updated_by  text not null,
    updated_at  timestamptz not null
);

-- The centre manager's view of the desk: one row per dossier that reached the desk, from the dossier events alone.
create table oversight.desk_flow (
    code                 text primary key,
    receiving_agency_id  uuid not null,
    channel              text not null,
    submitted_at         timestamptz,
    received_at          timestamptz,
    received_by          text,
    refused_at           timestamptz,
    result_ready_at      timestamptz,
    returned_at          timestamptz,
    stopped_at           timestamptz
);
create index desk_flow_received_idx on oversight.desk_flow (receiving_agency_id, received_at);
create index desk_flow_open_idx on oversight.desk_flow (receiving_agency_id) where returned_at is null and stopped_at is null and refused_at is null;
