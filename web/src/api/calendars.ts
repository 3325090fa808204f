/** Business calendars (工作日历): working hours, holidays and 调休 that SLA clocks count in. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post } from './client';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const; // shown Monday first; 0 = Sunday as in the API
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface WorkingInterval {
  start: string;
  end: string;
}

export type WeeklyHours = Record<Weekday, WorkingInterval[]>;
export type DateKind = 'holiday' | 'workday';

export interface CalendarDate {
  date: string;
  kind: DateKind;
  name: string;
}

export interface CalendarSummary {
  id: string;
  name: string;
  timeZone: string;
  isDefault: boolean;
  archived: boolean;
  holidayCount: number;
  workdayCount: number;
  lastDate: string | null;
  updatedAt: string;
}

export interface CalendarView extends CalendarSummary {
  weekly: WeeklyHours;
  workdayHours: WorkingInterval[] | null;
  dates: CalendarDate[];
  createdAt: string;
}

export interface CalendarInput {
  name?: string;
  timeZone?: string;
  weekly?: WeeklyHours;
  workdayHours?: WorkingInterval[] | null;
  dates?: CalendarDate[];
  isDefault?: true;
  archived?: boolean;
}

export type ImportSource = { text: string } | { shippedYear: number };

export interface ImportPreview {
  ok: boolean;
  errors: { line: number; message: string }[];
  added: CalendarDate[];
  changed: (CalendarDate & { before: { kind: DateKind; name: string } })[];
  unchanged: number;
}

export interface ShippedYear {
  year: number;
  status: string;
  provisional: boolean;
  source: string;
  reviewBy: string;
  holidayCount: number;
  workdayCount: number;
  text: string;
}

export interface ComputeResult {
  start: string;
  seconds: number;
  dueAt: string;
  countingFrom: string;
  calendarSeconds: number;
  timeZone: string;
  /** Wall-clock times in the calendar's time zone, 'YYYY-MM-DD HH:MM:SS'. */
  local: { start: string; dueAt: string; countingFrom: string };
}

export function useCalendars(includeArchived = false) {
  return useQuery({
    queryKey: ['calendars', 'list', includeArchived],
    queryFn: () => get<{ items: CalendarSummary[] }>('/calendars', { includeArchived: includeArchived ? 'true' : undefined }),
    select: (reply) => reply.items,
  });
}

export function useCalendar(id: string | undefined) {
  return useQuery({ queryKey: ['calendars', 'one', id], queryFn: () => get<CalendarView>(`/calendars/${id}`), enabled: !!id });
}

export function useShippedHolidays() {
  return useQuery({
    queryKey: ['calendars', 'shipped'],
    queryFn: () => get<{ items: ShippedYear[] }>('/calendars/shipped-holidays'),
    select: (reply) => reply.items,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function useCalendarChange<TArgs, TResult>(fn: (args: TArgs) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['calendars'] }) });
}

export const useCreateCalendar = () => useCalendarChange((input: CalendarInput) => post<CalendarView>('/calendars', input));
export const useUpdateCalendar = () =>
  useCalendarChange(({ id, ...input }: CalendarInput & { id: string }) => patch<CalendarView>(`/calendars/${id}`, input));
export const useImportDates = () =>
  useCalendarChange(({ id, source }: { id: string; source: ImportSource }) => post<CalendarView>(`/calendars/${id}/import`, source));

export const previewImport = (id: string, source: ImportSource) => post<ImportPreview>(`/calendars/${id}/import/preview`, source);
/** localStart: 'YYYY-MM-DDTHH:MM' on the calendar's own wall clock. */
export const computeDue = (id: string, localStart: string, seconds: number) =>
  post<ComputeResult>(`/calendars/${id}/compute`, { localStart, seconds });
