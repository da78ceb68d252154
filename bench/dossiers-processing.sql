-- The processing columns of issue 11 (migration dossier/V3) for the open dossiers bench/dossiers.sql made: the plan
-- of the default process (assign, appraise, review, sign, issue at the handling agency; return at the receiving
-- desk), the step that holds each dossier now and who holds it, the clock. Run by bench/dossiers.sql at its end and by
-- WorkQueueBenchmark; it touches only open dossiers without a process yet, so running it again does nothing.
--   psql -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d motcua_bench_queues -f bench/dossiers-processing.sql
-- Who: received dossiers wait in the assigner's queue (no assignee); in processing, the step is appraisal (80 % of
-- them assigned to one of the agency's specialists, in that specialist's unit), review (the unit head of that unit),
-- signing or issuing, drawn per dossier; dossiers waiting for the applicant stay with their specialist; results
-- ready wait at the receiving desk.
\timing on
drop table if exists pg_temp.bench_specialist;
create temporary table bench_specialist as
select r.agency_id, (row_number() over (partition by r.agency_id order by s.username) - 1)::int as k,
       s.username, r.unit_id, u.name as unit_name
from organization.role_assignment r
join organization.staff s on s.id = r.staff_id
left join organization.unit u on u.id = r.unit_id
where r.role = 'SPECIALIST' and s.active;
create index on bench_specialist (agency_id, k);

with open as (
    select d.id, d.state, d.received_at, d.due_at, d.handling_agency_id, d.handling_agency_eid, d.handling_agency_name,
           d.receiving_agency_id, d.receiving_agency_eid, d.receiving_agency_name,
           ('x' || substr(md5(d.code), 1, 8))::bit(32)::int & 2147483647 as h
    from dossier.dossier d
    where d.process_ref = '' and d.state in ('RECEIVED', 'IN_PROCESSING', 'AWAITING_SUPPLEMENT', 'AWAITING_PAYMENT', 'RESULT_READY')
), placed as (
    select o.*,
           case o.state when 'RECEIVED' then 0 when 'RESULT_READY' then 5 when 'IN_PROCESSING' then 1 + o.h % 4 else 1 end as step,
           (select count(*) from bench_specialist s where s.agency_id = o.handling_agency_id)::int as specialists
    from open o
), held as (
    select p.*, sp.username as specialist, sp.unit_id, sp.unit_name,
           p.step in (1, 2) and p.specialists > 0 and (p.step <> 1 or p.h % 10 < 8 or p.state <> 'IN_PROCESSING') as assigned
    from placed p
    left join bench_specialist sp on sp.agency_id = p.handling_agency_id and sp.k = p.h % greatest(p.specialists, 1)
)
update dossier.dossier d set
    process_ref = 'mặc định',
    plan = (select jsonb_agg(jsonb_build_object('index', i, 'name', (array['Phân công thụ lý','Thẩm định hồ sơ','Xem xét, trình ký','Phê duyệt, ký kết quả','Phát hành kết quả','Trả kết quả'])[i + 1],
                                                'role', (array['ASSIGNER','SPECIALIST','UNIT_HEAD','SIGNER','CLERK','DESK_OFFICER'])[i + 1],
                                                'agencyId', case when i = 5 then h.receiving_agency_id else h.handling_agency_id end,
                                                'agency', case when i = 5 then h.receiving_agency_eid else h.handling_agency_eid end,
                                                'agencyName', case when i = 5 then h.receiving_agency_name else h.handling_agency_name end,
                                                'unitId', null, 'unit', null, 'duration', case when i = 5 then 0 else 1 end,
                                                'timeUnit', case when i = 5 then null else 'WORKING_DAY' end, 'budgetMinutes', 0,
                                                'maySupplement', i = 1, 'mayProposeRefusal', i = 1, 'form', case when i = 5 then '07' end,
                                                'interAgency', false, 'doneBy', null, 'doneUnitId', null) order by i)
            from generate_series(0, 5) i),
    policy = '{"supplementWindowDays": 3, "onSupplement": "RESTART", "paymentAllowed": false, "paymentPauses": false, "pauseReasons": [], "legalBasis": "Nghị định 61/2018/NĐ-CP Điều 19"}',
    step_index = h.step,
    step_name = (array['Phân công thụ lý','Thẩm định hồ sơ','Xem xét, trình ký','Phê duyệt, ký kết quả','Phát hành kết quả','Trả kết quả'])[h.step + 1],
    step_role = (array['ASSIGNER','SPECIALIST','UNIT_HEAD','SIGNER','CLERK','DESK_OFFICER'])[h.step + 1],
    step_agency_id = case when h.step = 5 then h.receiving_agency_id else h.handling_agency_id end,
    step_unit_id = case when h.step in (1, 2) and h.assigned then h.unit_id end,
    step_unit_name = case when h.step in (1, 2) and h.assigned then h.unit_name end,
    step_assignee = case when h.step = 1 and h.assigned then h.specialist end,
    step_started_at = h.received_at + (h.due_at - h.received_at) * (h.step / 6.0),
    step_due_at = h.received_at + (h.due_at - h.received_at) * ((h.step + 1) / 6.0),
    clock_start = h.received_at,
    original_due_at = h.due_at,
    index_due_at = h.due_at,
    stopped_clock_at = case when h.state in ('AWAITING_SUPPLEMENT', 'AWAITING_PAYMENT') then h.received_at + (h.due_at - h.received_at) * 0.3 end,
    supplement_requested_at = case when h.state = 'AWAITING_SUPPLEMENT' then h.received_at + (h.due_at - h.received_at) * 0.3 end,
    supplement_count = case when h.state = 'AWAITING_SUPPLEMENT' then 1 else 0 end,
    result_ready_at = case when h.state = 'RESULT_READY' then h.received_at + (h.due_at - h.received_at) * 0.9 end,
    approved_at = case when h.state = 'RESULT_READY' then h.received_at + (h.due_at - h.received_at) * 0.8 end
from held h
where d.id = h.id;

analyze dossier.dossier;
select step_role, count(*), count(step_assignee) as assigned, count(*) filter (where due_at < now()) as overdue
from dossier.dossier where step_role is not null group by 1 order by 2 desc;
