-- Every committed change of agencies, units, staff, roles or tokens raises the revision; each node keeps the
-- organisation in memory and rebuilds it when the revision it holds is no longer the current one.
create table organization.revision (
    id    int primary key check (id = 1),
    value bigint not null
);
insert into organization.revision values (1, 0);

-- Role assignments are inserted and deleted one by one, never rewritten; when each was given is kept.
alter table organization.role_assignment add column assigned_at timestamptz not null default now();

-- Personal access tokens for machine clients: only the SHA-256 of the secret is stored.
create table organization.api_token (
    id         uuid primary key,
    staff_id   uuid not null references organization.staff (id),
    name       varchar(100) not null,
    token_hash char(64) not null unique,
    prefix     varchar(12) not null,
    created_at timestamptz not null,
    created_by varchar(50) not null,
    expires_at timestamptz not null,
    revoked_at timestamptz,
    revoked_by varchar(50)
);
create index api_token_staff on organization.api_token (staff_id);
