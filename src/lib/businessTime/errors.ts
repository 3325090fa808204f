/**
 * The one error type business-time code throws, with a stable code so a caller
 * (an SLA command, a job) can turn it into an AppError or a log line.
 */
export type BusinessTimeErrorCode =
  | 'INVALID_CALENDAR'
  | 'NO_WORKING_TIME'
  | 'SPAN_TOO_LONG'
  | 'NO_HOLIDAY_DATA'
  | 'INVALID_HOLIDAY_DATA';

export class BusinessTimeError extends Error {
  constructor(
    readonly code: BusinessTimeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BusinessTimeError';
  }
}
