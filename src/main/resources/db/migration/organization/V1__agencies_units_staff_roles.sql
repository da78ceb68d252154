-- Agencies of the province; electronic IDs per QĐ 20/2020/QĐ-TTg, kept with history.
create table organization.agency (
    id            uuid primary key,
    version       int not null,
    electronic_id varchar(35) not null unique,
    name          varchar(300) not null,
    type          varchar(40) not null,
    parent_id     uuid references organization.agency (id),
    valid_from    date not null,
    valid_to      date,
    check (valid_to is null or valid_to >= valid_from)
);
create index agency_parent on organization.agency (parent_id);

create table organization.agency_electronic_id (
    agency_id     uuid not null references organization.agency (id),
    position      int not null,
    electronic_id varchar(35) not null,
    valid_from    date not null,
    valid_to      date,
    primary key (agency_id, position)
);
create index agency_electronic_id_value on organization.agency_electronic_id (electronic_id);

create table organization.unit (
    id        uuid primary key,
    version   int not null,
    agency_id uuid not null references organization.agency (id),
    name      varchar(300) not null,
    active    boolean not null
);
create index unit_agency on organization.unit (agency_id);

-- Staff are deactivated, never deleted.
create table organization.staff (
    id            uuid primary key,
    version       int not null,
    username      varchar(50) not null unique check (username = lower(username)),
    full_name     varchar(200) not null,
    email         varchar(200),
    phone         varchar(30),
    position      varchar(200),
    active        boolean not null,
    password_hash varchar(200) not null,
    failed_logins int not null default 0,
    locked_until  timestamptz
);

create table organization.role_assignment (
    staff_id  uuid not null references organization.staff (id),
    role      varchar(30) not null,
    agency_id uuid not null references organization.agency (id),
    unit_id   uuid references organization.unit (id)
);
create unique index role_assignment_unique on organization.role_assignment
    (staff_id, role, agency_id, coalesce(unit_id, '00000000-0000-0000-0000-000000000000'));
