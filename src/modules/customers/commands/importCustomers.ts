/**
 * Customer import: a preview that reads the spreadsheet and checks every row
 * with the same schemas as POST /customers (writing nothing), and a commit that
 * creates one chunk of previewed customers through the ordinary create commands
 * in the request's one transaction — all of the chunk or nothing.
 */
import type { z } from 'zod';
import type { Ctx } from '../../../lib/context.ts';
import { AppError, invalid } from '../../../lib/errors.ts';
import { t } from '../../../lib/i18n.ts';
import { type ColumnMeaning, findNamed, loadCatalog, mapHeader, splitPhones } from '../importColumns.ts';
import { IMPORT_MAX_CONTACTS, IMPORT_MAX_ROWS, type ImportItem, type ImportPreviewView, type RowError } from '../importSchema.ts';
import { authorize } from '../policy.ts';
import { ContactBody, CreateCustomerBody } from '../schema.ts';
import { readSheet, sniffFormat, unneutralize } from '../spreadsheet.ts';
import { createContact } from './contacts.ts';
import { insertCustomer } from './customers.ts';

type Values = Record<string, string>;

/** A Zod issue → a stable code whose message names the user's own column header. */
function issueCode(field: string, issue: z.core.$ZodIssue, value: string): string {
  if (issue.code === 'too_big') return 'IMPORT_TOO_LONG';
  if (issue.code === 'too_small' && value === '') return 'IMPORT_REQUIRED';
  if (field === 'creditCode') return 'IMPORT_BAD_CREDIT_CODE';
  if (field.endsWith('hones')) return 'IMPORT_BAD_PHONE';
  if (field.endsWith('mail')) return 'IMPORT_BAD_EMAIL';
  return 'IMPORT_INVALID_VALUE';
}

const CONTACT_FIELDS: Record<string, string> = { name: 'contactName', phones: 'contactPhones', email: 'contactEmail', position: 'contactPosition' };

export async function previewImport(ctx: Ctx, bytes: Buffer): Promise<ImportPreviewView> {
  authorize(ctx.actor, 'edit');
  // The header row and up to IMPORT_MAX_ROWS data rows.
  const grid = await readSheet(bytes, IMPORT_MAX_ROWS + 1);
  const headerIndex = grid.findIndex((row) => row.some((cell) => cell.trim() !== ''));
  const catalog = await loadCatalog(ctx.tx);
  const headers = headerIndex >= 0 ? grid[headerIndex]! : [];
  const meanings: ColumnMeaning[] = headers.map((h) => mapHeader(h, catalog));
  const keyOf = (m: ColumnMeaning) => (m.kind === 'field' ? m.field : m.kind === 'set' ? `classification.${m.setKey}` : null);
  if (!meanings.some((m) => m.kind === 'field' && m.field === 'name')) throw invalid({ field: 'file' }, 'IMPORT_NO_NAME_COLUMN');
  const headerOfKey = new Map(meanings.map((m, i) => [keyOf(m), headers[i]!.trim()]));

  const dataRows = grid
    .map((cells, index) => ({ row: index + 1, cells }))
    .slice(headerIndex + 1)
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
  if (dataRows.length > IMPORT_MAX_ROWS) throw invalid({ field: 'file', max: IMPORT_MAX_ROWS }, 'IMPORT_TOO_MANY_ROWS', { max: IMPORT_MAX_ROWS });

  const errors: RowError[] = [];
  const fail = (row: number, field: string, code: string) => {
    // Two bad phones in one cell are one error of that cell.
    if (errors.some((e) => e.row === row && e.field === field && e.code === code)) return;
    errors.push({ row, field, code, message: t(ctx.lang, code, { column: headerOfKey.get(field) ?? field, max: IMPORT_MAX_CONTACTS }) });
  };
  const rows: ImportPreviewView['rows'] = [];
  const groups = new Map<string, ImportItem>();

  for (const { row, cells } of dataRows) {
    const values: Values = {};
    meanings.forEach((m, i) => {
      const key = keyOf(m);
      if (key && values[key] === undefined) values[key] = unneutralize((cells[i] ?? '').trim());
    });
    rows.push({ row, values });
    const errorsBefore = errors.length;

    const customer: Record<string, unknown> = { name: values.name ?? '' };
    for (const f of ['creditCode', 'province', 'city', 'county', 'address', 'email', 'notes'] as const) {
      if (values[f]) customer[f] = values[f];
    }
    if (values.phones) customer.phones = splitPhones(values.phones);
    if (values.tier) {
      const tier = findNamed(catalog.tiers, values.tier);
      if (tier) customer.tier = tier.key;
      else fail(row, 'tier', 'IMPORT_UNKNOWN_TIER');
    }
    const classification: Record<string, string> = {};
    for (const set of catalog.sets) {
      const value = values[`classification.${set.key}`];
      if (!value) continue;
      const option = findNamed(set.options, value);
      if (option) classification[set.key] = option.key;
      else fail(row, `classification.${set.key}`, 'IMPORT_UNKNOWN_OPTION');
    }
    if (Object.keys(classification).length) customer.classification = classification;
    const parsedCustomer = CreateCustomerBody.safeParse(customer);
    if (!parsedCustomer.success) {
      for (const issue of parsedCustomer.error.issues) {
        const field = String(issue.path[0] ?? '');
        fail(row, field, issueCode(field, issue, values[field] ?? ''));
      }
    }

    let contact: z.infer<typeof ContactBody> | null = null;
    if (values.contactName || values.contactPhones || values.contactEmail || values.contactPosition) {
      const raw: Record<string, unknown> = { name: values.contactName ?? '' };
      if (values.contactPhones) raw.phones = splitPhones(values.contactPhones);
      if (values.contactEmail) raw.email = values.contactEmail;
      if (values.contactPosition) raw.position = values.contactPosition;
      const parsed = ContactBody.safeParse(raw);
      if (parsed.success) contact = parsed.data;
      else {
        for (const issue of parsed.error.issues) {
          const field = CONTACT_FIELDS[String(issue.path[0])] ?? 'contactName';
          fail(row, field, issueCode(field, issue, values[field] ?? ''));
        }
      }
    }
    if (errors.length > errorsBefore || !parsedCustomer.success) continue;

    // Rows naming the same customer (name + credit code) add contacts to it.
    const data = parsedCustomer.data;
    const key = `${data.name}\u0000${data.creditCode ?? ''}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { rows: [row], customer: data, contacts: contact ? [contact] : [] });
    else if (group.rows.length >= IMPORT_MAX_CONTACTS) fail(row, '', 'IMPORT_TOO_MANY_CONTACTS');
    else {
      group.rows.push(row);
      if (contact) group.contacts.push(contact);
    }
  }

  const items = await dropTakenCreditCodes(ctx, [...groups.values()], fail);
  return { format: sniffFormat(bytes), totalRows: dataRows.length, columns: headers.map((header, i) => ({ header, field: keyOf(meanings[i]!) })), rows, errors: errors.sort((a, b) => a.row - b.row), items };
}

/** A credit code already used by an active customer, or by another customer of the file, fails its rows here rather than at commit. */
async function dropTakenCreditCodes(ctx: Ctx, items: ImportItem[], fail: (row: number, field: string, code: string) => void) {
  const codes = [...new Set(items.map((i) => i.customer.creditCode).filter((c): c is string => Boolean(c)))];
  const taken = new Set<string>();
  for (let i = 0; i < codes.length; i += 1000) {
    const found = await ctx.tx.selectFrom('customers').select('credit_code').where('credit_code', 'in', codes.slice(i, i + 1000)).where('archived_at', 'is', null).execute();
    for (const r of found) if (r.credit_code) taken.add(r.credit_code);
  }
  const seen = new Set<string>();
  return items.filter((item) => {
    const code = item.customer.creditCode;
    if (!code) return true;
    const bad = taken.has(code) ? 'CREDIT_CODE_TAKEN' : seen.has(code) ? 'IMPORT_DUPLICATE_CREDIT_CODE' : null;
    seen.add(code);
    if (bad) for (const row of item.rows) fail(row, 'creditCode', bad);
    return !bad;
  });
}

/** Creates one chunk; any failing row fails the chunk (the transaction rolls back) with every row's error. */
export async function commitImport(ctx: Ctx, items: ImportItem[]): Promise<{ created: number; contacts: number; ids: string[] }> {
  authorize(ctx.actor, 'edit');
  const errors: RowError[] = [];
  const ids: string[] = [];
  let contacts = 0;
  for (const item of items) {
    try {
      const id = await insertCustomer(ctx, item.customer);
      ids.push(id);
      for (const contact of item.contacts) {
        await createContact(ctx, id, contact);
        contacts++;
      }
    } catch (error) {
      // A refused row (checks run before writing) leaves the transaction usable; anything else ends the chunk.
      if (!(error instanceof AppError) || error.status >= 500) {
        if (errors.length) break;
        throw error;
      }
      const details = error.details as { field?: unknown } | undefined;
      const field = typeof details?.field === 'string' ? details.field : '';
      for (const row of item.rows) errors.push({ row, field, code: error.code, message: t(ctx.lang, error.code, error.params) });
    }
  }
  if (errors.length) throw new AppError('IMPORT_ROWS_INVALID', 400, { count: errors.length }, { errors });
  return { created: ids.length, contacts, ids };
}
