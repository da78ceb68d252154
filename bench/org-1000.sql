-- A province with 1,000 more agencies and 3,000 more staff, for the benchmark "Organisation at 1,000 agencies"
-- (docs/benchmarks.md). Run it once on a database where motcua has started with the demo province:
--   psql -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d motcua_bench -f bench/org-1000.sql
-- 500 communes H36.300-H36.799 under the provincial People's Committee, each with its service centre
-- (H36.xxx.01) and one unit; six staff per commune (a desk officer at the centre, a signer and an assigner
-- at the commune, two specialists and a unit head in the unit). Every account gets the password of the
-- demo admin. Re-running it is refused by the unique electronic IDs.
begin;

create temporary table bench_commune on commit drop as
select n,
       gen_random_uuid() as commune_id,
       gen_random_uuid() as centre_id,
       gen_random_uuid() as unit_id
from generate_series(300, 799) as n;

insert into organization.agency (id, version, electronic_id, name, type, parent_id, valid_from, valid_to)
select commune_id, 0, 'H36.' || n, 'Ủy ban nhân dân xã Thử nghiệm ' || n, 'COMMUNE_PEOPLES_COMMITTEE',
       (select id from organization.agency where electronic_id = 'H36'), date '2025-07-01', null::date
from bench_commune
union all
select centre_id, 0, 'H36.' || n || '.01', 'Trung tâm Phục vụ hành chính công xã Thử nghiệm ' || n, 'COMMUNE_SERVICE_CENTRE',
       commune_id, date '2025-07-01', null::date
from bench_commune
order by 3;

insert into organization.agency_electronic_id (agency_id, position, electronic_id, valid_from, valid_to)
select id, 0, electronic_id, valid_from, null::date
from organization.agency a
where electronic_id ~ '^H36\.[3-7][0-9][0-9](\.01)?$';

insert into organization.unit (id, version, agency_id, name, active)
select unit_id, 0, commune_id, 'Phòng Văn hóa - Xã hội', true from bench_commune;

create temporary table bench_staff on commit drop as
select gen_random_uuid() as id, c.n, s.k, c.commune_id, c.centre_id, c.unit_id
from bench_commune c cross join generate_series(1, 6) as s(k);

insert into organization.staff (id, version, username, full_name, email, phone, position, active, password_hash,
                                failed_logins, locked_until)
select id, 0, 'bench' || n || '.' || k, 'Cán bộ ' || k || ' xã ' || n, null::text, null::text, null::text, true,
       (select password_hash from organization.staff where username = 'admin'), 0, null::timestamptz
from bench_staff;

insert into organization.role_assignment (staff_id, role, agency_id, unit_id)
select id,
       (array['DESK_OFFICER', 'SIGNER', 'ASSIGNER', 'SPECIALIST', 'SPECIALIST', 'UNIT_HEAD'])[k],
       case k when 1 then centre_id else commune_id end,
       case when k >= 4 then unit_id end
from bench_staff;

commit;

select (select count(*) from organization.agency) as agencies, (select count(*) from organization.staff) as staff;
