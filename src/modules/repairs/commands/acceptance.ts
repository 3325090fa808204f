/**
 * Customer acceptance (验收): a signature drawn on the technician's phone
 * (a PNG, stored under a generated name beside attachments) or a 6-digit code
 * sent to the contact by SMS. Only the code's hash is kept on the repair; the
 * SMS is queued in the same transaction (outbound module) and sent after commit,
 * its text redacted once it left the queue. The code is valid 30 minutes and
 * locks after 5 wrong tries. A wrong try must be counted even though the
 * request fails, so verification returns the outcome and the route raises the
 * error after the transaction committed the count.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, forbidden, invalid } from '../../../lib/errors.ts';
import { maskPhone } from '../../outbound/present.ts';
import { queueSms } from '../../outbound/queueSms.ts';
import { storedPath } from '../../workOrders/commands/attachmentStorage.ts';
import { ACCEPTANCE_CODE_PURPOSE, acceptanceCodeText } from '../acceptanceSms.ts';
import { repairEvent } from '../events.ts';
import { isTechnicianOrSupervisor, loadForWork, loadRepair, type RepairRow } from '../policy.ts';
import type { RepairView } from '../schema.ts';
import { getRepair } from './getRepair.ts';

export const SIGNATURE_MAX_BYTES = 500 * 1024;
export const CODE_TTL_MS = 30 * 60_000;
export const CODE_MAX_TRIES = 5;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function refuseIfAccepted(repair: RepairRow): void {
  if (repair.accepted_at) throw conflict('REPAIR_ALREADY_ACCEPTED');
}

export function decodeSignature(dataUrl: string): Buffer {
  const png = Buffer.from(dataUrl.slice('data:image/png;base64,'.length), 'base64');
  if (png.length === 0 || png.length > SIGNATURE_MAX_BYTES || !png.subarray(0, 8).equals(PNG_MAGIC)) {
    throw invalid({ field: 'signature' }, 'REPAIR_SIGNATURE_INVALID');
  }
  return png;
}

/** Stores the signature and records acceptance; returns the file written so a failed commit can remove it. */
export async function acceptWithSignature(ctx: Ctx, id: string, png: Buffer, dir: string, written: string[]): Promise<RepairView> {
  const { repair } = await loadForWork(ctx, id);
  refuseIfAccepted(repair);
  const now = new Date();
  const key = path.posix.join('signatures', String(now.getUTCFullYear()), crypto.randomUUID());
  const file = storedPath(dir, key);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  await fs.promises.writeFile(file, png, { flag: 'wx', mode: 0o600 });
  written.push(file);
  await ctx.tx
    .updateTable('repair_orders')
    .set({ accepted_at: now, acceptance_method: 'signature', signature_key: key, code_hash: null, updated_at: now })
    .where('work_order_id', '=', id)
    .execute();
  await repairEvent(ctx, id, 'accepted', { method: 'signature' }, true);
  return getRepair(ctx, id);
}

/** The stored signature file of an accepted repair, for anyone who may see the order. */
export async function signaturePath(ctx: Ctx, id: string, dir: string): Promise<string | null> {
  const { repair } = await loadRepair(ctx, id, { forUpdate: false });
  return repair?.signature_key ? storedPath(dir, repair.signature_key) : null;
}

function hashCode(workOrderId: string, code: string): string {
  return crypto.createHash('sha256').update(`${workOrderId}:${code}`).digest('hex');
}

/** Records a new code and queues its SMS; `sms.gatewayConfigured` says whether this server can send SMS at all. */
export async function sendAcceptanceCode(
  ctx: Ctx,
  id: string,
  input: { contactId?: string },
  sms: { gatewayConfigured: boolean },
): Promise<RepairView> {
  const { order, repair } = await loadForWork(ctx, id);
  refuseIfAccepted(repair);
  const contactId = input.contactId ?? order.contact_id;
  const contact = contactId
    ? await ctx.tx
        .selectFrom('contacts')
        .select(['id', 'phones'])
        .where('id', '=', contactId)
        .where('customer_id', '=', order.customer_id)
        .where('archived_at', 'is', null)
        .executeTakeFirst()
    : undefined;
  const phone = contact?.phones.find((p) => p.trim());
  if (!contact || !phone) throw invalid({ field: 'contactId' }, 'REPAIR_NO_CONTACT_PHONE');
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(Date.now() + CODE_TTL_MS);
  await ctx.tx
    .updateTable('repair_orders')
    .set({
      code_hash: hashCode(id, code),
      code_contact_id: contact.id,
      code_expires_at: expiresAt,
      code_attempts: 0,
      updated_at: new Date(),
    })
    .where('work_order_id', '=', id)
    .execute();
  const messageId = await queueSms(ctx, {
    purpose: ACCEPTANCE_CODE_PURPOSE,
    recipient: phone,
    body: acceptanceCodeText(code, order.number),
    bodyRedacted: acceptanceCodeText('******', order.number),
    workOrderId: id,
    expiresAt,
    gatewayConfigured: sms.gatewayConfigured,
  });
  await repairEvent(ctx, id, 'acceptanceCodeSent', { contactId: contact.id, phone: maskPhone(phone), messageId, gatewayConfigured: sms.gatewayConfigured });
  return getRepair(ctx, id);
}

export type VerifyOutcome = { ok: true; view: RepairView } | { ok: false; remaining: number };

export async function verifyAcceptanceCode(ctx: Ctx, id: string, code: string): Promise<VerifyOutcome> {
  const { order, repair } = await loadRepair(ctx, id);
  if (!repair) throw conflict('REPAIR_NOT_DISPATCHED');
  if (ctx.actor.role !== 'customer' && !isTechnicianOrSupervisor(ctx.actor, order, repair)) {
    throw forbidden('REPAIR_NOT_YOUR_VISIT');
  }
  refuseIfAccepted(repair);
  if (!repair.code_hash || !repair.code_expires_at) throw conflict('CONFIRMATION_CODE_NONE');
  if (repair.code_attempts >= CODE_MAX_TRIES) throw conflict('CONFIRMATION_CODE_LOCKED');
  if (repair.code_expires_at.getTime() <= Date.now()) throw conflict('CONFIRMATION_CODE_EXPIRED');
  const right = crypto.timingSafeEqual(Buffer.from(hashCode(id, code)), Buffer.from(repair.code_hash));
  if (!right) {
    const attempts = repair.code_attempts + 1;
    await ctx.tx.updateTable('repair_orders').set({ code_attempts: attempts }).where('work_order_id', '=', id).execute();
    await repairEvent(ctx, id, 'acceptanceCodeWrong', { attempts });
    return { ok: false, remaining: CODE_MAX_TRIES - attempts };
  }
  const now = new Date();
  await ctx.tx
    .updateTable('repair_orders')
    .set({ accepted_at: now, acceptance_method: 'code', code_hash: null, updated_at: now })
    .where('work_order_id', '=', id)
    .execute();
  await repairEvent(ctx, id, 'accepted', { method: 'code' }, true);
  return { ok: true, view: await getRepair(ctx, id) };
}
