-- The historical import writes each dossier's fact two or three times in one transaction (receipt, end, last event):
-- through the row trigger a dossier of 2024 was first open at every month boundary up to now (one delta row each),
-- then ended (as many rows taken back): the import ran at a fifth of its rate without the trigger (240 against
-- 1,100 lines/s, docs/benchmarks.md), and each such dossier left a zero row per month in open_boundary.
--
-- Now a transaction that writes facts only of dossiers it creates (ImportedFacts checks that none had a fact before)
-- may defer: it calls defer_rollups() (oversight.rollups_deferred on), the trigger skips its rows, and it then adds
-- what the final rows count with settle_imported(codes), set-based and summed by key. Procedures, not functions: they
-- return no rows, so they travel in the transaction's batched writes (PendingWrites) in order with the facts' upserts.
-- Any other writer is unchanged.
create or replace function oversight.fact_rollups() returns trigger
    language plpgsql as $$
declare
    rolled date;
begin
    if current_setting('oversight.rollups_deferred', true) = 'on' then
        return null; -- settled by oversight.settle_imported() before the transaction commits
    end if;
    if tg_op = 'UPDATE' and (old.code, old.handling_agency_id, old.procedure_code, old.channel, old.received_at, old.original_due_at,
                             old.supplement_count, old.supplement_requested_at, old.supplement_received_at, old.ended_at, old.end_kind)
        is not distinct from (new.code, new.handling_agency_id, new.procedure_code, new.channel, new.received_at, new.original_due_at,
                              new.supplement_count, new.supplement_requested_at, new.supplement_received_at, new.ended_at, new.end_kind) then
        return null; -- a move that changes nothing the figures count (most of them)
    end if;
    -- held to the end of the transaction: FigureRollups.roll takes it exclusively to add a boundary
    perform pg_advisory_xact_lock_shared(hashtext('oversight.rollups'));
    select rolled_to into rolled from oversight.rollup_state;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into oversight.figure_ended_delta select * from oversight.ended_rows(old, -1);
        insert into oversight.open_boundary_delta select * from oversight.boundary_rows(old, -1, date '1990-01-01', rolled);
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        delete from oversight.open_fact where code = old.code;
    end if;
    if tg_op in ('UPDATE', 'INSERT') and new.ended_at is null then
        insert into oversight.open_fact values (new.code, new.handling_agency_id, new.procedure_code, new.channel, new.received_at,
            oversight.late_from(new.supplement_count, new.original_due_at, new.supplement_requested_at, new.supplement_received_at));
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        insert into oversight.figure_ended_delta select * from oversight.ended_rows(new, 1);
        insert into oversight.open_boundary_delta select * from oversight.boundary_rows(new, 1, date '1990-01-01', rolled);
    end if;
    return null;
end $$;
alter function oversight.fact_rollups() set timezone = 'Asia/Ho_Chi_Minh';

create procedure oversight.defer_rollups()
    language sql
    begin atomic
    select set_config('oversight.rollups_deferred', 'on', true);
    end;

-- What the facts of the given dossiers count, added to the deltas (summed by key) and to open_fact; ends the deferral.
-- Only for dossiers that had no fact before the transaction (what they counted before is not taken back).
create procedure oversight.settle_imported(codes text[])
    language plpgsql set timezone = 'Asia/Ho_Chi_Minh' as $$
declare
    rolled date;
begin
    perform pg_advisory_xact_lock_shared(hashtext('oversight.rollups'));
    select rolled_to into rolled from oversight.rollup_state;
    insert into oversight.figure_ended_delta
    select r.ended_month, r.handling_agency_id, r.procedure_code, r.received_month, sum(r.n), sum(r.direct), sum(r.online), sum(r.postal),
           sum(r.resolved), sum(r.early), sum(r.resolved_late), sum(r.refused), sum(r.stopped), sum(r.on_time), sum(r.timed),
           sum(r.taken_us), sum(r.legal_us)
    from oversight.dossier_fact f cross join lateral oversight.ended_rows(f, 1) r
    where f.code = any(codes)
    group by 1, 2, 3, 4;
    insert into oversight.open_boundary_delta
    select r.boundary, r.handling_agency_id, r.procedure_code, r.received_month, sum(r.n), sum(r.direct), sum(r.online), sum(r.postal),
           sum(r.late)
    from oversight.dossier_fact f cross join lateral oversight.boundary_rows(f, 1, date '1990-01-01', rolled) r
    where f.code = any(codes)
    group by 1, 2, 3, 4;
    insert into oversight.open_fact
    select f.code, f.handling_agency_id, f.procedure_code, f.channel, f.received_at,
           oversight.late_from(f.supplement_count, f.original_due_at, f.supplement_requested_at, f.supplement_received_at)
    from oversight.dossier_fact f
    where f.code = any(codes) and f.ended_at is null;
    perform set_config('oversight.rollups_deferred', 'off', true);
end $$;

-- The zero rows the trigger's churn left (see above): they count nothing and only slow the readers.
delete from oversight.open_boundary where n = 0 and direct = 0 and online = 0 and postal = 0 and late = 0;
delete from oversight.figure_ended where n = 0 and direct = 0 and online = 0 and postal = 0 and resolved = 0 and early = 0
    and resolved_late = 0 and refused = 0 and stopped = 0 and on_time = 0 and timed = 0 and taken_us = 0 and legal_us = 0;
