-- One counter per receiving agency (its stable id, not the e-ID string, which is re-issued) and day (Vietnam's
-- calendar day of the receipt): Circular 03/2025 Art. 13 numbers dossiers per agency per day.
create table dossier.daily_counter (
    agency_id   uuid not null,
    day         date not null,
    last_number bigint not null check (last_number > 0),
    primary key (agency_id, day)
);
