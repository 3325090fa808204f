/**
 * Bulk-seeds customers and their contacts with the same search tokens the
 * customers module computes (see modules/customers/searchIndex.ts), so search
 * finds seeded customers exactly as it finds ones created through the API.
 */
import crypto from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../src/db/schema.ts';
import { emailTokens, phoneTokens, textTokens, toTsVector } from '../src/lib/search.ts';
import { address, customerName, int, landline, mobile, personName, pick, position, REGIONS, type Random } from './corpus.ts';

const BATCH = 500;
const TIERS = ['diamond', 'gold', 'silver', 'basic', 'basic', 'basic'];

export interface SeededCustomer {
  id: string;
  name: string;
  contacts: Array<{ id: string; phone: string }>;
}

interface ContactRow {
  id: string;
  customer_id: string;
  name: string;
  phones: string[];
  email: string;
  position: string;
}

export async function seedCustomers(db: Kysely<DB>, random: Random, count: number): Promise<SeededCustomer[]> {
  const seen = new Map<string, number>();
  const out: SeededCustomer[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const customers: Insertable<DB['customers']>[] = [];
    const contacts: ContactRow[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const [province, city, counties] = pick(random, REGIONS);
      const county = pick(random, counties);
      let name = customerName(random, city);
      // Real directories repeat names only for branches; keep names unique the same way.
      const repeats = seen.get(name) ?? 0;
      seen.set(name, repeats + 1);
      if (repeats) name = `${name}（第${repeats + 1}分公司）`;
      const id = crypto.randomUUID();
      const phones = [landline(random)];
      const email = `service${i}@corp${i}.com.cn`;
      const people: ContactRow[] = Array.from({ length: int(random, 1, 3) }, (_, k) => ({
        id: crypto.randomUUID(),
        customer_id: id,
        name: personName(random),
        phones: [mobile(random)],
        email: `c${i}.${k}@corp${i}.com.cn`,
        position: position(random),
      }));
      contacts.push(...people);
      const creditCode = `91${String(330_000 + i).padStart(6, '0')}MA${String(i).padStart(8, '0')}X`;
      const addr = address(random, county);
      const tokens = [
        ...textTokens(name, creditCode, province, city, county, addr),
        ...phones.flatMap(phoneTokens),
        ...emailTokens(email),
        ...people.flatMap((p) => [...textTokens(p.name), ...p.phones.flatMap(phoneTokens), ...emailTokens(p.email)]),
      ];
      customers.push({
        id,
        name,
        credit_code: creditCode,
        province,
        city,
        county,
        address: addr,
        phones,
        email,
        classification: JSON.stringify({ scale: random() < 0.2 ? 'large' : 'general' }),
        tier: pick(random, TIERS),
        completeness: int(random, 60, 100),
        search: toTsVector(tokens),
      });
      out.push({ id, name, contacts: people.map((p) => ({ id: p.id, phone: p.phones[0]! })) });
    }
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('customers').values(customers).execute();
      await tx.insertInto('contacts').values(contacts).execute();
    });
  }
  return out;
}
