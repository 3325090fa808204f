/**
 * Attachment files on disk. Uploads stream to a temporary name next to their
 * final place (`<attachmentsDir>/<yyyy>/<mm>/<random uuid>`), are checked, and
 * are renamed only inside the transaction that writes their row; whatever
 * fails, the caller `discard`s them so no orphan file stays behind.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Multipart } from '@fastify/multipart';
import { AppError } from '../../../lib/errors.ts';
import { contentMatches, contentTypeFor, HEAD_BYTES, sanitizeFilename } from './attachmentTypes.ts';

export interface ReceivedFile {
  filename: string;
  contentType: string;
  sizeBytes: number;
  /** Relative to the attachments directory; what the row stores. */
  storageKey: string;
  tempPath: string;
  finalPath: string;
}

export interface ReceivedUpload {
  files: ReceivedFile[];
  fields: Record<string, string>;
}

/** Reads every part of a multipart request, storing files under temporary names. */
export async function receiveUpload(parts: AsyncIterable<Multipart>, dir: string): Promise<ReceivedUpload> {
  const upload: ReceivedUpload = { files: [], fields: {} };
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        upload.fields[part.fieldname] = String(part.value);
        continue;
      }
      const filename = sanitizeFilename(part.filename ?? '');
      const contentType = contentTypeFor(filename);
      if (!contentType) {
        part.file.resume();
        throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED', 415, { filename: filename || part.filename }, { filename });
      }
      upload.files.push(await storeTemporarily(part, dir, filename, contentType));
    }
  } catch (error) {
    await discard(upload.files);
    throw asUploadError(error);
  }
  return upload;
}

async function storeTemporarily(
  part: Extract<Multipart, { type: 'file' }>,
  dir: string,
  filename: string,
  contentType: string,
): Promise<ReceivedFile> {
  const now = new Date();
  const storageKey = path.posix.join(
    String(now.getUTCFullYear()),
    String(now.getUTCMonth() + 1).padStart(2, '0'),
    crypto.randomUUID(),
  );
  const finalPath = path.join(dir, storageKey);
  const tempPath = `${finalPath}.part`;
  const file: ReceivedFile = { filename, contentType, sizeBytes: 0, storageKey, tempPath, finalPath };
  await fs.promises.mkdir(path.dirname(finalPath), { recursive: true });
  let head = Buffer.alloc(0);
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      file.sizeBytes += chunk.length;
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
      done(null, chunk);
    },
  });
  try {
    await pipeline(part.file, measure, fs.createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }));
    if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', 413, {}, { filename });
    if (file.sizeBytes === 0) throw new AppError('ATTACHMENT_EMPTY', 400, { filename }, { filename });
    if (!contentMatches(contentType, head)) {
      throw new AppError('ATTACHMENT_CONTENT_MISMATCH', 415, { filename }, { filename });
    }
  } catch (error) {
    await discard([file]);
    throw error;
  }
  return file;
}

/** Multipart limits (file size, number of files or fields) become one 413 with our code. */
function asUploadError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const e = error as { statusCode?: number; code?: string };
  if (e.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE', 413, {}, { reason: e.code });
  return error;
}

/** Moves a checked upload to its final name; called inside the transaction writing its row. */
export async function commitFile(file: ReceivedFile): Promise<void> {
  await fs.promises.rename(file.tempPath, file.finalPath);
}

/** Removes uploads wherever they are (temporary or final); never throws. */
export async function discard(files: ReceivedFile[]): Promise<void> {
  await Promise.all(
    files.flatMap((f) => [f.tempPath, f.finalPath].map((p) => fs.promises.rm(p, { force: true }).catch(() => {}))),
  );
}

/** The absolute path of a stored file, refusing any key that would leave the attachments directory. */
export function storedPath(dir: string, storageKey: string): string {
  const root = path.resolve(dir);
  const full = path.resolve(root, storageKey);
  if (!full.startsWith(root + path.sep)) throw new AppError('ATTACHMENT_NOT_FOUND', 404);
  return full;
}
