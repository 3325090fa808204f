/**
 * Search tokens made in the application, so PGlite and PostgreSQL index the same
 * way. Chinese has no spaces: CJK runs become overlapping bigrams plus single
 * characters (for one-character queries). Latin words and numbers are kept whole,
 * lower-cased, and also split where letters meet digits ("GD20261124" → "gd",
 * "20261124"). Phone numbers add "p:"-prefixed suffixes so the last digits find them.
 * Tokens are stored with array_to_tsvector (no parser, no stemming) in a GIN index.
 */
import { type RawBuilder, sql } from 'kysely';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[\p{L}\p{N}]+/gu;
const MAX_TEXT = 4000;
const MAX_TOKEN = 100;

function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function cjkTokens(run: string, into: Set<string>): void {
  const chars = Array.from(run);
  for (let i = 0; i < chars.length; i++) {
    into.add(chars[i]!);
    if (i + 1 < chars.length) into.add(chars[i]! + chars[i + 1]!);
  }
}

function wordTokens(word: string, into: Set<string>): void {
  into.add(word.slice(0, MAX_TOKEN));
  const parts = word.match(/\p{L}+|\p{N}+/gu) ?? [];
  if (parts.length > 1) for (const part of parts) into.add(part.slice(0, MAX_TOKEN));
}

/** Tokens for free text (names, subjects, descriptions). */
export function textTokens(...texts: Array<string | null | undefined>): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const run of normalize(text.slice(0, MAX_TEXT)).match(RUN) ?? []) {
      if (CJK.test(run)) cjkTokens(run, out);
      else wordTokens(run, out);
    }
  }
  return [...out];
}

/** Tokens for a phone number: the full digits, and every suffix of four or more digits. */
export function phoneTokens(phone: string | null | undefined): string[] {
  const digits = (phone ?? '').replace(/\D/g, '');
  if (digits.length < 4) return digits ? [digits] : [];
  const out = [digits];
  for (let len = 4; len <= digits.length; len++) out.push(`p:${digits.slice(-len)}`);
  return out;
}

/** Tokens for an email address: its words, and the whole address for exact matches. */
export function emailTokens(email: string | null | undefined): string[] {
  if (!email) return [];
  return [`e:${normalize(email).slice(0, MAX_TOKEN)}`, ...textTokens(email)];
}

/** Tokens for a code such as a work order number: whole, by parts, and the digits of its last part as a suffix. */
export function codeTokens(code: string): string[] {
  const whole = normalize(code);
  return [`c:${whole}`, ...textTokens(code)];
}

function quote(token: string): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * Builds a tsquery for what a user typed: every part must match. Latin words and
 * numbers match as prefixes; four or more digits also match phone suffixes;
 * Chinese matches by bigrams (or the single character when only one was typed).
 * Returns null when nothing searchable was typed.
 */
export function buildTsQuery(input: string): string | null {
  const text = normalize(input.slice(0, 200));
  const clauses: string[] = [];
  if (/^[\w.+-]+@[\w-]+(\.[\w-]+)+$/.test(text.trim())) clauses.push(quote(`e:${text.trim()}`));
  for (const run of text.match(RUN) ?? []) {
    if (CJK.test(run)) {
      const chars = Array.from(run);
      if (chars.length === 1) clauses.push(quote(chars[0]!));
      else for (let i = 0; i + 1 < chars.length; i++) clauses.push(quote(chars[i]! + chars[i + 1]!));
    } else if (/^\d{4,}$/.test(run)) {
      clauses.push(`(${quote(run)}:* | ${quote(`p:${run}`)})`);
    } else {
      clauses.push(`${quote(run.slice(0, MAX_TOKEN))}:*`);
    }
  }
  if (clauses.length === 0) return null;
  // An exact email needs no word clauses; keep the first (exact) clause alone then.
  if (clauses[0]?.startsWith("'e:")) return clauses[0];
  return [...new Set(clauses)].join(' & ');
}

/** The distinct, non-empty tokens a tsvector is made of (array_to_tsvector refuses empty ones). */
export function tsvectorTokens(tokens: string[]): string[] {
  return [...new Set(tokens.filter((t) => t.length > 0))];
}

/** SQL for a tsvector holding exactly these tokens. */
export function toTsVector(tokens: string[]): RawBuilder<string> {
  return sql<string>`array_to_tsvector(${tsvectorTokens(tokens)}::text[])`;
}
