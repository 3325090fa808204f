/**
 * The one way the UI talks to the server: same-origin fetch with the session
 * cookie, JSON both ways, the UI language as Accept-Language, and the server's
 * `{ error: { code, message, details } }` turned into an ApiError.
 */
import { getLang, translate } from '../i18n';

export interface ValidationIssue {
  path: string;
  message: string;
  code?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** Field problems from a 400 VALIDATION_FAILED, if the server listed them. */
  get issues(): ValidationIssue[] {
    const details = this.details as { issues?: ValidationIssue[] } | undefined;
    return Array.isArray(details?.issues) ? details.issues : [];
  }

  /** The single field a domain error names in its details, e.g. { field: 'customerId' }. */
  get field(): string | undefined {
    const details = this.details as { field?: unknown } | undefined;
    return typeof details?.field === 'string' ? details.field : undefined;
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': getLang() };
  // Uploads go as multipart, with the boundary the browser writes into the content type itself.
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', translate(getLang(), 'common.networkError'));
  }
  const isJson = (response.headers.get('content-type') ?? '').includes('application/json');
  const payload: unknown = isJson ? await response.json() : undefined;
  if (!response.ok) {
    const error = (payload as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? 'HTTP_ERROR', error?.message ?? response.statusText, error?.details);
  }
  return payload as T;
}

export const get = <T>(path: string, query?: Query) => api<T>('GET', withQuery(path, query));
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const del = <T>(path: string) => api<T>('DELETE', path);
