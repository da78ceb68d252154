-- Public holidays as each Labor Code defines them, with the dates it applies (Labor Code 2019 Art. 112).
create table calendar.statutory_holiday (
    id         serial primary key,
    name       varchar(200) not null,
    rule       varchar(30) not null check (rule in ('SOLAR', 'LUNAR', 'LUNAR_NEW_YEAR', 'NATIONAL_DAY_ADJACENT')),
    month      int not null check (month between 1 and 12),
    day        int not null check (day between 1 and 31),
    length     int not null check (length between 1 and 10),
    valid_from date not null,
    valid_to   date
);

-- A year's announcement: the complete list of its exceptions to the Monday-Friday week.
create table calendar.announcement (
    year       int primary key,
    updated_at timestamptz not null,
    updated_by varchar(100) not null
);
create table calendar.announced_day (
    year int not null references calendar.announcement (year),
    date date primary key,
    kind varchar(20) not null check (kind in ('HOLIDAY', 'COMPENSATORY', 'SWAPPED_OFF', 'MAKEUP_WORKDAY')),
    name varchar(300) not null,
    check (extract(year from date) = year)
);

-- Office hours per agency (null = every agency without its own), with effective date and optional season (MM-dd).
create table calendar.office_hours (
    id                   serial primary key,
    agency_electronic_id varchar(35),
    valid_from           date not null,
    season_from          char(5),
    season_to            char(5),
    morning_start        time not null,
    morning_end          time not null,
    afternoon_start      time not null,
    afternoon_end        time not null,
    cutoff               time not null,
    rounding             varchar(20) not null check (rounding in ('EXACT_HOURS', 'END_OF_DAY')),
    check (morning_start < morning_end and morning_end <= afternoon_start and afternoon_start < afternoon_end),
    check ((season_from is null) = (season_to is null))
);

-- Bumped by every change, so that every node rebuilds its in-memory calendar.
create table calendar.revision (
    id    int primary key check (id = 1),
    value bigint not null
);
insert into calendar.revision values (1, 0);
