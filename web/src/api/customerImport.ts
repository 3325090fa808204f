/** Customer import (preview a file, commit chunks) and export/template downloads. */
import { getLang, translate } from '../i18n';
import { ApiError, post, withQuery } from './client';
import type { CustomerFilter, CustomerInput } from './customers';

export interface RowError {
  row: number;
  field: string;
  code: string;
  message: string;
}

export interface ImportItem {
  rows: number[];
  customer: CustomerInput & { name: string };
  contacts: { name: string; phones?: string[]; email?: string; position?: string }[];
}

export interface ImportPreview {
  format: 'xlsx' | 'csv';
  totalRows: number;
  columns: { header: string; field: string | null }[];
  rows: { row: number; values: Record<string, string> }[];
  errors: RowError[];
  items: ImportItem[];
}

export const IMPORT_CHUNK = 200;
export const IMPORT_MAX_MB = 5;

export function previewImport(file: File): Promise<ImportPreview> {
  const form = new FormData();
  form.append('file', file, file.name);
  return post<ImportPreview>('/customers/import/preview', form);
}

export function commitImport(items: ImportItem[]): Promise<{ created: number; contacts: number; ids: string[] }> {
  return post('/customers/import/commit', { items });
}

/** Chunks of at most IMPORT_CHUNK rows; a customer's rows (its contacts) never split over two chunks. */
export function chunksOf(items: ImportItem[]): ImportItem[][] {
  const chunks: ImportItem[][] = [];
  let chunk: ImportItem[] = [];
  let rows = 0;
  for (const item of items) {
    if (chunk.length && rows + item.rows.length > IMPORT_CHUNK) {
      chunks.push(chunk);
      chunk = [];
      rows = 0;
    }
    chunk.push(item);
    rows += item.rows.length;
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

/** Downloads a file from the API with the UI language, and hands it to the browser as a download. */
export async function download(path: string, query: Record<string, string | number | undefined> = {}): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${withQuery(path, query)}`, { headers: { 'accept-language': getLang() }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', translate(getLang(), 'common.networkError'));
  }
  if (!response.ok) {
    const payload = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    throw new ApiError(response.status, payload.error?.code ?? 'HTTP_ERROR', payload.error?.message ?? response.statusText);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'download';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportCustomers(format: 'xlsx' | 'csv', filter: CustomerFilter): Promise<void> {
  const { page: _page, pageSize: _size, ...filters } = filter;
  return download('/customers/export', { format, ...filters });
}
