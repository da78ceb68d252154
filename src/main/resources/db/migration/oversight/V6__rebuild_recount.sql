-- The rebuild replays every dossier event (some 30 million at 5,000,000 dossiers), a dossier's events spread over
-- many batches: through the row trigger each replayed receipt of an old dossier was open at every boundary since, and
-- taken back at its end (4,000 demo dossiers: 27 s). Now the replay writes the facts with the trigger deferred
-- (oversight.defer_rollups) and, once the facts are whole, the rollups are counted again from them set-based, as
-- migration V3 first counted them, under the lock every writer of facts holds shared (FigureRollups.recount): a
-- move that committed during the replay is in the facts, and its deltas are dropped with the rest.
create procedure oversight.recount_rollups()
    language plpgsql security definer set search_path = pg_catalog, oversight set timezone = 'Asia/Ho_Chi_Minh' as $$
declare
    rolled date;
begin
    select rolled_to into rolled from oversight.rollup_state;
    truncate oversight.figure_ended, oversight.figure_ended_delta, oversight.open_boundary, oversight.open_boundary_delta,
        oversight.open_fact;
    insert into oversight.figure_ended
    select r.ended_month, r.handling_agency_id, r.procedure_code, r.received_month, sum(r.n), sum(r.direct), sum(r.online), sum(r.postal),
           sum(r.resolved), sum(r.early), sum(r.resolved_late), sum(r.refused), sum(r.stopped), sum(r.on_time), sum(r.timed),
           sum(r.taken_us), sum(r.legal_us)
    from oversight.dossier_fact f cross join lateral oversight.ended_rows(f, 1) r
    group by 1, 2, 3, 4
    order by 1, 2, 3, 4;
    insert into oversight.open_boundary
    select r.boundary, r.handling_agency_id, r.procedure_code, r.received_month, sum(r.n), sum(r.direct), sum(r.online), sum(r.postal),
           sum(r.late)
    from oversight.dossier_fact f cross join lateral oversight.boundary_rows(f, 1, date '1990-01-01', rolled) r
    group by 1, 2, 3, 4
    order by 1, 2, 3, 4;
    insert into oversight.open_fact
    select code, handling_agency_id, procedure_code, channel, received_at,
           oversight.late_from(supplement_count, original_due_at, supplement_requested_at, supplement_received_at)
    from oversight.dossier_fact where ended_at is null;
end $$;
revoke execute on procedure oversight.recount_rollups() from public;
