-- Realistic dossiers in bulk, for the work-queue benchmark (docs/benchmarks.md, issue 11): :count dossiers
-- (default 1,000,000) with their history, inserted server-side (INSERT … SELECT over generate_series, 100,000 rows
-- to a transaction) into a database where motcua has started (its schema and demo province) and, for a province of
-- 1,000 agencies, bench/org-1000.sql has run:
--   psql -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d motcua_bench_queues -v count=1000000 -f bench/dossiers.sql
-- What is realistic about them:
-- * procedures: the demo catalog's procedures in force with a checklist, commune-level ones handled by communes and
--   the others by the provincial departments; popularity is skewed (a few procedures make most dossiers, as birth
--   registration and certified copies do), each dossier copies its procedure's name, version, decision, time limit
--   and checklist as intake does;
-- * agencies: 70 % of dossiers at commune level, spread over the communes with a skew (large wards get many more
--   than small communes), received at the commune's service centre; the rest handled by a department and received
--   at the provincial centre or one of its branches;
-- * channels: 55 % at the counter, 40 % online, 5 % by post; received in office hours (07:30-16:30) over the last
--   three years, due at 17:00 of the day the time limit ends (working days stretched by 7/5);
-- * states by age: dossiers within their time limit are spread over the open states (in processing, received,
--   waiting for a supplement or a payment, result ready, returned early); past it, 94 % are closed (returned, a few
--   stopped or refused or never collected) and 6 % are still in processing for up to 30 days (the overdue queue);
--   older ones are all closed; online dossiers of the last 3 days may still wait for the desk;
-- * applicants: Vietnamese names (family, middle and given names), 12-digit citizen ID numbers of province 068,
--   phone numbers; one company in ten with a tax code.
-- Codes are the receiving agency's e-ID, the day and a 7-digit serial, so they never collide with the 4-digit daily
-- numbers intake gives. Re-running adds another :count.
\if :{?count}
\else
\set count 1000000
\endif
\timing on
select setseed(0.20261201);
select set_config('bench.count', :'count', false);

drop table if exists pg_temp.bench_handler, pg_temp.bench_proc;

-- who handles and who receives: communes (with their service centre) and departments (with the provincial centre)
create temporary table bench_handler as
select 'COMMUNE' as level, (row_number() over (order by md5(c.electronic_id)) - 1)::int as rank,
       c.id as handling_id, c.electronic_id as handling_eid, c.name as handling_name,
       s.id as receiving_id, s.electronic_id as receiving_eid, s.name as receiving_name,
       coalesce((select st.username from organization.role_assignment r join organization.staff st on st.id = r.staff_id
                 where r.agency_id = s.id and r.role = 'DESK_OFFICER' order by st.username limit 1), 'tn.ttpvhcc') as desk
from organization.agency c
join organization.agency s on s.parent_id = c.id and s.type = 'COMMUNE_SERVICE_CENTRE'
where c.type = 'COMMUNE_PEOPLES_COMMITTEE'
union all
select 'PROVINCE', (row_number() over (order by d.electronic_id, s.electronic_id) - 1)::int,
       d.id, d.electronic_id, d.name, s.id, s.electronic_id, s.name,
       coalesce((select st.username from organization.role_assignment r join organization.staff st on st.id = r.staff_id
                 where r.agency_id = s.id and r.role = 'DESK_OFFICER' order by st.username limit 1), 'tn.ttpvhcc')
from organization.agency d
cross join organization.agency s
where d.type = 'PROVINCIAL_DEPARTMENT' and s.type in ('PROVINCIAL_SERVICE_CENTRE', 'SERVICE_CENTRE_BRANCH');
create index on bench_handler (level, rank);

-- what is asked for: procedures in force with a checklist, the time limit of their counter channel
create temporary table bench_proc as
select case when v.levels like '%COMMUNE%' then 'COMMUNE' else 'PROVINCE' end as level,
       (row_number() over (partition by v.levels like '%COMMUNE%' order by md5(v.code)) - 1)::int as rank,
       v.code, v.name, v.version_no, coalesce(d.number, '') as decision,
       (select (c ->> 'timeAmount')::int from jsonb_array_elements(v.record -> 'channels') c where c ->> 'kind' = 'DIRECT' limit 1) as time_amount,
       (select c ->> 'timeUnit' from jsonb_array_elements(v.record -> 'channels') c where c ->> 'kind' = 'DIRECT' limit 1) as time_unit,
       coalesce((select c ->> 'timeText' from jsonb_array_elements(v.record -> 'channels') c where c ->> 'kind' = 'DIRECT' limit 1), '') as time_text,
       (select jsonb_agg(jsonb_build_object('name', doc ->> 'name', 'copies', coalesce((doc ->> 'copies')::int, 0), 'fileId', null,
                                            'number', n, 'sha256', null, 'mandatory', coalesce((doc ->> 'mandatory')::boolean, true),
                                            'originals', greatest(coalesce((doc ->> 'originals')::int, 1), 1)) order by n)
        from jsonb_array_elements(v.record -> 'documents') with ordinality as x(doc, n)) as documents
from catalog.procedure_version v
join catalog.decision d on d.id = v.decision_id
where v.valid_to is null and jsonb_array_length(coalesce(v.record -> 'documents', '[]')) > 0;
create index on bench_proc (level, rank);

select level, count(*) from bench_handler group by level order by level;
select level, count(*) from bench_proc group by level order by level;

do $$
declare
    total     int := current_setting('bench.count')::int;
    t0        timestamptz := clock_timestamp();
    chunk     int := 100000;
    done      int := 0;
    communes  int := (select count(*) from bench_handler where level = 'COMMUNE');
    provinces int := (select count(*) from bench_handler where level = 'PROVINCE');
    cprocs    int := (select count(*) from bench_proc where level = 'COMMUNE');
    pprocs    int := (select count(*) from bench_proc where level = 'PROVINCE');
    serial0   bigint := (select count(*) from dossier.dossier);
    n         int;
begin
    while done < total loop
        n := least(chunk, total - done);
        create temporary table bench_batch on commit drop as
        with r as (
            select g, random() as r_level, random() as r_agency, random() as r_proc, random() as r_channel,
                   random() as r_age, random() as r_hour, random() as r_state, random() as r_state2,
                   random() as r_family, random() as r_middle, random() as r_given, random() as r_company, random() as r_id
            from generate_series(serial0 + done + 1, serial0 + done + n) g
        ), picked as (
            select r.*, case when r_level < 0.7 then 'COMMUNE' else 'PROVINCE' end as level
            from r
        )
        select p.g, gen_random_uuid() as id, h.*, pr.code as procedure_code, pr.name as procedure_name,
               pr.version_no, pr.decision, pr.time_amount, pr.time_unit, pr.time_text, pr.documents,
               case when r_channel < 0.55 then 'DIRECT' when r_channel < 0.95 then 'ONLINE' else 'POSTAL' end as channel,
               -- received on a day of the last three years, in office hours (Vietnam, UTC+7)
               date_trunc('day', now() - (r_age * 1095) * interval '1 day') + interval '30 minutes' + r_hour * interval '9 hours' as received_at,
               coalesce(pr.time_amount, 5) * case pr.time_unit when 'WORKING_DAY' then 1.4 when 'WORKING_HOUR' then 0.18 else 1 end as days,
               r_age * 1095 as age_days, r_state, r_state2,
               (array['Nguyễn','Trần','Lê','Phạm','Hoàng','Huỳnh','Phan','Vũ','Võ','Đặng','Bùi','Đỗ','Hồ','Ngô','Dương','Lý','K''Brăng','Ka'])[1 + floor(power(r_family, 1.6) * 18)::int] as family,
               (array['Văn','Thị','Hữu','Đức','Minh','Ngọc','Thanh','Quốc','Thị Thu','Văn Hoàng','Hoài','Kim'])[1 + floor(r_middle * 12)::int] as middle,
               (array['An','Bình','Cường','Dũng','Giang','Hà','Hải','Hạnh','Hoa','Hùng','Hương','Khánh','Lan','Linh','Long','Mai','Nam','Nga','Phương','Quân','Sơn','Tâm','Thảo','Trang','Tuấn','Vy','Yến','Đạt','Hiếu','Nhung'])[1 + floor(r_given * 30)::int] as given,
               r_company < 0.1 as company, r_id
        from picked p
        join bench_handler h on h.level = p.level
             and h.rank = floor(power(p.r_agency, 1.8) * case p.level when 'COMMUNE' then communes else provinces end)::int
        join bench_proc pr on pr.level = p.level
             and pr.rank = floor(power(p.r_proc, 4) * case p.level when 'COMMUNE' then cprocs else pprocs end)::int;

        insert into dossier.dossier (id, code, code_from_portal, channel, state, national_status, procedure_code, procedure_name,
                                     procedure_version, procedure_decision, receiving_agency_id, receiving_agency_eid,
                                     receiving_agency_name, handling_agency_id, handling_agency_eid, handling_agency_name,
                                     applicant, applicant_name, applicant_name_folded, applicant_id_number, applicant_tax_code,
                                     applicant_phone, documents, missing, time_amount, time_unit, time_text, submitted_at,
                                     received_at, due_at, decided_at, decided_by, note, version)
        select id, receiving_eid || '-' || to_char(received_at at time zone 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' || lpad(g::text, 7, '0'),
               false, channel, state, case state when 'SUBMITTED' then 1 when 'RECEIVED' then 2 when 'REFUSED_AT_INTAKE' then 3
                   when 'IN_PROCESSING' then 4 when 'AWAITING_SUPPLEMENT' then 5 when 'AWAITING_PAYMENT' then 6 when 'STOPPED' then 8
                   when 'RESULT_READY' then 9 else 10 end,
               procedure_code, procedure_name, version_no, decision, receiving_id, receiving_eid, receiving_name,
               handling_id, handling_eid, handling_name,
               jsonb_build_object('type', case when company then 'ORGANIZATION' else 'CITIZEN' end,
                                  'email', case when channel = 'ONLINE' then 'nguoinop' || g || '@example.vn' end,
                                  'phone', phone, 'address', null, 'taxCode', tax_code, 'fullName', full_name,
                                  'idNumber', id_number, 'dateOfBirth', case when not company then birth end, 'representative', null),
               full_name, translate(lower(full_name), 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ',
                                    'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd'),
               id_number, tax_code, phone, documents, '[]', time_amount, time_unit, time_text,
               case when channel <> 'DIRECT' then received_at - interval '1 hour' * (1 + floor(r_id * 40)) end,
               case when state <> 'SUBMITTED' then received_at end,
               case when state <> 'SUBMITTED' then date_trunc('day', received_at + days * interval '1 day') + interval '10 hours' end,
               case when state = 'SUBMITTED' then received_at - interval '1 hour' else received_at end,
               case when state = 'SUBMITTED' then 'portal' else desk end, '', case when state in ('RECEIVED', 'SUBMITTED') then 0 else 4 end
        from (
            select b.*,
                   case when company then 'Công ty TNHH ' || given || ' ' || family else family || ' ' || middle || ' ' || given end as full_name,
                   case when not company then '068' || (case when r_id < 0.5 then '0' else '1' end) || lpad((floor(r_id * 1e8)::bigint % 100000000)::text, 8, '0') end as id_number,
                   case when company then '58' || lpad((floor(r_id * 1e8)::bigint % 100000000)::text, 8, '0') end as tax_code,
                   '09' || lpad((floor(r_id * 1e9)::bigint % 100000000)::text, 8, '0') as phone,
                   (date '1950-01-01' + floor(r_id * 20000)::int)::text as birth,
                   case
                       when channel = 'ONLINE' and age_days < 3 and r_state < 0.3 then 'SUBMITTED'
                       when age_days > days + 30 or (age_days > days and r_state2 >= 0.06)
                           then case when r_state < 0.93 then 'RETURNED' when r_state < 0.95 then 'STOPPED'
                                     when r_state < 0.97 then 'REFUSED_AT_INTAKE' else 'RESULT_READY' end
                       when age_days > days then 'IN_PROCESSING' -- late: still held past its due time
                       when r_state2 < 0.10 then 'RECEIVED'
                       when r_state2 < 0.70 then 'IN_PROCESSING'
                       when r_state2 < 0.80 then 'AWAITING_SUPPLEMENT'
                       when r_state2 < 0.83 then 'AWAITING_PAYMENT'
                       when r_state2 < 0.95 then 'RESULT_READY'
                       else 'RETURNED' end as state
            from bench_batch b
        ) d;

        -- the receipt, and the move to where the dossier stands now
        insert into dossier.history (dossier_id, at, actor, from_state, to_state, national_status, public_note, note)
        select d.id, d.decided_at, d.decided_by, null, case when d.state = 'SUBMITTED' then 'SUBMITTED' else 'RECEIVED' end,
               case when d.state = 'SUBMITTED' then 1 else 2 end,
               case when d.state = 'SUBMITTED' then 'Hồ sơ đã được nộp' else 'Hồ sơ đã được tiếp nhận' end, ''
        from dossier.dossier d join bench_batch b on b.id = d.id
        union all
        select d.id, least(d.received_at + interval '2 hours' + (d.due_at - d.received_at) * 0.6, now()), d.decided_by, 'RECEIVED',
               d.state, d.national_status, 'Hồ sơ chuyển trạng thái', ''
        from dossier.dossier d join bench_batch b on b.id = d.id
        where d.state not in ('SUBMITTED', 'RECEIVED');

        done := done + n;
        commit;
        raise notice '% dossiers inserted (% s)', done, round(extract(epoch from clock_timestamp() - t0)::numeric, 1);
    end loop;
end $$;

analyze dossier.dossier;
analyze dossier.history;
select state, count(*), count(*) filter (where due_at < now()) as past_due from dossier.dossier group by state order by 2 desc;

-- the processing columns of the open dossiers (issue 11)
\ir dossiers-processing.sql
