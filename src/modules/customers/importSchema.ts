/** Request and response shapes of customer import (preview, commit) and export. */
import { z } from 'zod';
import { ContactBody, CreateCustomerBody, CustomerListQuery } from './schema.ts';

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 5000;
export const IMPORT_CHUNK_MAX = 200;
export const IMPORT_MAX_CONTACTS = 50;
export const EXPORT_MAX_ROWS = 50_000;

export const RowError = z.object({
  row: z.number().int().describe('Spreadsheet row number (the header is row 1)'),
  field: z.string().describe('Field or "classification.<set>"; "" for the whole row'),
  code: z.string(),
  message: z.string().describe("In the request's language"),
});
export type RowError = z.infer<typeof RowError>;

/**
 * One customer to create, with the contacts of the rows that share its name and
 * credit code. The same schemas as POST /customers and POST /customers/:id/contacts.
 */
export const ImportItem = z.strictObject({
  rows: z.array(z.number().int().min(1)).min(1).max(IMPORT_MAX_CONTACTS),
  customer: CreateCustomerBody,
  contacts: z.array(ContactBody).max(IMPORT_MAX_CONTACTS),
});
export type ImportItem = z.infer<typeof ImportItem>;

export const ImportPreviewView = z.object({
  format: z.enum(['xlsx', 'csv']),
  totalRows: z.number().int(),
  columns: z.array(z.object({ header: z.string(), field: z.string().nullable().describe('null: column not recognised, ignored') })),
  rows: z.array(z.object({ row: z.number().int(), values: z.record(z.string(), z.string()) })).describe('Cell text by field'),
  errors: z.array(RowError),
  items: z.array(ImportItem).describe('Normalized customers of the rows without errors, ready for commit'),
});
export type ImportPreviewView = z.infer<typeof ImportPreviewView>;

/** One chunk: at most IMPORT_CHUNK_MAX spreadsheet rows (a customer's rows are never split over chunks). */
export const ImportCommitBody = z.strictObject({
  items: z
    .array(ImportItem)
    .min(1)
    .max(IMPORT_CHUNK_MAX)
    .refine((items) => items.reduce((n, item) => n + item.rows.length, 0) <= IMPORT_CHUNK_MAX, `at most ${IMPORT_CHUNK_MAX} rows per chunk`),
});
export const ImportCommitView = z.object({ created: z.number().int(), contacts: z.number().int(), ids: z.array(z.uuid()) });

export const ExportQuery = CustomerListQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

export const TemplateQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
