-- Business calendars: the working hours SLA clocks count in business time.
-- Weekly hours are stored as the pure library's shape (src/lib/businessTime/calendar.ts):
-- {"0": [{"start": "09:00", "end": "12:00"}], ..., "6": []}, 0 = Sunday; an interval
-- whose end is before its start runs overnight. Holidays and adjusted working days
-- (调休上班) are dated rows so an administrator can see, name and edit each one.
create table business_calendars (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  time_zone text not null default 'Asia/Shanghai',
  weekly jsonb not null,
  -- hours on adjusted working days; null = Monday's hours
  workday_hours jsonb,
  is_default boolean not null default false,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- the default calendar is what policies without a calendar use, so it stays in use
  check (not (is_default and archived_at is not null))
);
create unique index business_calendars_name on business_calendars (name);
create unique index business_calendars_one_default on business_calendars (is_default) where is_default;

create table business_calendar_dates (
  calendar_id uuid not null references business_calendars (id),
  date date not null,
  kind text not null check (kind in ('holiday', 'workday')),
  name text not null default '',
  primary key (calendar_id, date)
);

-- The default calendar (same hours as defaultCalendar() in the library: Mon–Fri
-- 09:00–12:00 and 13:30–18:00 with a lunch break) with the Chinese schedule shipped in
-- src/modules/calendars/holidays at the time of writing: 2026 official, 2027 PROVISIONAL
-- (fixed-date holidays only). Administrators review it each year and reload the
-- shipped schedule from the calendar page.
insert into business_calendars (name, time_zone, weekly, is_default) values (
  '标准工作日历',
  'Asia/Shanghai',
  '{"0": [], "1": [{"start": "09:00", "end": "12:00"}, {"start": "13:30", "end": "18:00"}], "2": [{"start": "09:00", "end": "12:00"}, {"start": "13:30", "end": "18:00"}], "3": [{"start": "09:00", "end": "12:00"}, {"start": "13:30", "end": "18:00"}], "4": [{"start": "09:00", "end": "12:00"}, {"start": "13:30", "end": "18:00"}], "5": [{"start": "09:00", "end": "12:00"}, {"start": "13:30", "end": "18:00"}], "6": []}',
  true
);

insert into business_calendar_dates (calendar_id, date, kind, name)
select c.id, d.date::date, d.kind, d.name
from business_calendars c,
(values
  ('2026-01-01', 'holiday', '元旦'),
  ('2026-01-02', 'holiday', '元旦'),
  ('2026-01-03', 'holiday', '元旦'),
  ('2026-01-04', 'workday', '元旦调休上班'),
  ('2026-02-14', 'workday', '春节调休上班'),
  ('2026-02-15', 'holiday', '春节'),
  ('2026-02-16', 'holiday', '春节'),
  ('2026-02-17', 'holiday', '春节'),
  ('2026-02-18', 'holiday', '春节'),
  ('2026-02-19', 'holiday', '春节'),
  ('2026-02-20', 'holiday', '春节'),
  ('2026-02-21', 'holiday', '春节'),
  ('2026-02-22', 'holiday', '春节'),
  ('2026-02-23', 'holiday', '春节'),
  ('2026-02-28', 'workday', '春节调休上班'),
  ('2026-04-04', 'holiday', '清明节'),
  ('2026-04-05', 'holiday', '清明节'),
  ('2026-04-06', 'holiday', '清明节'),
  ('2026-05-01', 'holiday', '劳动节'),
  ('2026-05-02', 'holiday', '劳动节'),
  ('2026-05-03', 'holiday', '劳动节'),
  ('2026-05-04', 'holiday', '劳动节'),
  ('2026-05-05', 'holiday', '劳动节'),
  ('2026-05-09', 'workday', '劳动节调休上班'),
  ('2026-06-19', 'holiday', '端午节'),
  ('2026-06-20', 'holiday', '端午节'),
  ('2026-06-21', 'holiday', '端午节'),
  ('2026-09-20', 'workday', '国庆节调休上班'),
  ('2026-09-25', 'holiday', '中秋节'),
  ('2026-09-26', 'holiday', '中秋节'),
  ('2026-09-27', 'holiday', '中秋节'),
  ('2026-10-01', 'holiday', '国庆节'),
  ('2026-10-02', 'holiday', '国庆节'),
  ('2026-10-03', 'holiday', '国庆节'),
  ('2026-10-04', 'holiday', '国庆节'),
  ('2026-10-05', 'holiday', '国庆节'),
  ('2026-10-06', 'holiday', '国庆节'),
  ('2026-10-07', 'holiday', '国庆节'),
  ('2026-10-10', 'workday', '国庆节调休上班'),
  ('2027-01-01', 'holiday', '元旦'),
  ('2027-05-01', 'holiday', '劳动节'),
  ('2027-05-02', 'holiday', '劳动节'),
  ('2027-10-01', 'holiday', '国庆节'),
  ('2027-10-02', 'holiday', '国庆节'),
  ('2027-10-03', 'holiday', '国庆节')
) as d (date, kind, name)
where c.is_default;
