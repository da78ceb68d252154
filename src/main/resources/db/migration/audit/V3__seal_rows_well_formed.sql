-- A seal row the application writes always covers at least one record, lists no null id and moves forward; a
-- plain INSERT of anything else (no trigger needs to be bypassed for that) is refused outright.
alter table audit.seal add constraint seal_well_formed check (
    cardinality(record_ids) > 0 and array_position(record_ids, null) is null and to_tx > from_tx
    and to_tx < '9223372036854775807'::xid8);
