/**
 * The columns of the customer spreadsheet (import, export, template): which
 * header names in Chinese or English mean which field, and the administrator's
 * classification sets and service tiers, named in either language.
 */
import type { Tx } from '../../lib/context.ts';
import type { Lang } from '../../lib/i18n.ts';

export const FIELDS = [
  'name',
  'creditCode',
  'province',
  'city',
  'county',
  'address',
  'phones',
  'email',
  'notes',
  'tier',
  'contactName',
  'contactPhones',
  'contactEmail',
  'contactPosition',
] as const;
export type Field = (typeof FIELDS)[number];

/** Header names: [Chinese, English]; the field key itself is accepted too. */
const HEADERS: Record<Field, [string, string]> = {
  name: ['客户名称', 'Name'],
  creditCode: ['统一社会信用代码', 'Credit code'],
  province: ['省', 'Province'],
  city: ['市', 'City'],
  county: ['区县', 'County'],
  address: ['地址', 'Address'],
  phones: ['电话', 'Phones'],
  email: ['邮箱', 'Email'],
  notes: ['备注', 'Notes'],
  tier: ['服务等级', 'Tier'],
  contactName: ['联系人', 'Contact name'],
  contactPhones: ['联系人电话', 'Contact phones'],
  contactEmail: ['联系人邮箱', 'Contact email'],
  contactPosition: ['职务', 'Contact position'],
};

export function headerOf(field: Field, lang: Lang): string {
  return HEADERS[field][lang === 'en' ? 1 : 0];
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

export interface CategoryCatalog {
  sets: { key: string; name: string; nameEn: string; options: { key: string; name: string; nameEn: string }[] }[];
  tiers: { key: string; name: string; nameEn: string }[];
}

/** Active sets, options and tiers: only those may be newly chosen (as in POST /customers). */
export async function loadCatalog(tx: Tx): Promise<CategoryCatalog> {
  const sets = await tx.selectFrom('category_sets').select(['key', 'name', 'name_en']).where('archived_at', 'is', null).orderBy('position').orderBy('key').execute();
  const options = await tx
    .selectFrom('category_options')
    .select(['set_key', 'key', 'name', 'name_en'])
    .where('archived_at', 'is', null)
    .orderBy('position')
    .orderBy('key')
    .execute();
  const tiers = await tx.selectFrom('service_tiers').select(['key', 'name', 'name_en']).where('archived_at', 'is', null).orderBy('rank').execute();
  return {
    sets: sets.map((s) => ({
      key: s.key,
      name: s.name,
      nameEn: s.name_en,
      options: options.filter((o) => o.set_key === s.key).map((o) => ({ key: o.key, name: o.name, nameEn: o.name_en })),
    })),
    tiers: tiers.map((t) => ({ key: t.key, name: t.name, nameEn: t.name_en })),
  };
}

/** What one spreadsheet column holds: a field, a classification set, or nothing we know. */
export type ColumnMeaning = { kind: 'field'; field: Field } | { kind: 'set'; setKey: string } | { kind: 'unknown' };

export function mapHeader(header: string, catalog: CategoryCatalog): ColumnMeaning {
  const h = norm(header);
  if (!h) return { kind: 'unknown' };
  for (const field of FIELDS) {
    if ([field, ...HEADERS[field]].some((name) => norm(name) === h)) return { kind: 'field', field };
  }
  const set = catalog.sets.find((s) => [s.key, s.name, s.nameEn].some((name) => name && norm(name) === h));
  return set ? { kind: 'set', setKey: set.key } : { kind: 'unknown' };
}

/** A named item (tier, option) by its key or its Chinese or English name. */
export function findNamed<T extends { key: string; name: string; nameEn: string }>(items: T[], value: string): T | undefined {
  const v = norm(value);
  return items.find((item) => [item.key, item.name, item.nameEn].some((name) => name && norm(name) === v));
}

export function localName(item: { name: string; nameEn: string }, lang: Lang): string {
  return lang === 'en' && item.nameEn ? item.nameEn : item.name;
}

/**
 * Phones in one cell: separated by , ; / 、 ， ； — or by whitespace when every
 * part is a whole number (7+ digits), so "0571-8888 0000" stays one phone.
 */
export function splitPhones(value: string): string[] {
  return value
    .split(/[,;/，；、]+/)
    .flatMap((piece) => {
      const parts = piece.trim().split(/\s+/);
      return parts.length > 1 && parts.every((p) => p.replace(/\D/g, '').length >= 7) ? parts : [piece];
    })
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The header row of export and template, in the request's language. */
export function headerRow(catalog: CategoryCatalog, lang: Lang): string[] {
  const base = FIELDS.slice(0, 10).map((f) => headerOf(f, lang));
  const sets = catalog.sets.map((s) => localName(s, lang));
  const contact = FIELDS.slice(10).map((f) => headerOf(f, lang));
  return [...base, ...sets, ...contact];
}
