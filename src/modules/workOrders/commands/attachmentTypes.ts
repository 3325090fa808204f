/**
 * Which files may be attached, what they are served as, and how their names
 * are cleaned. The content type always comes from this map, never from the
 * uploader, so a file can never be served as HTML or script.
 */
const TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  zip: 'application/zip',
  mp4: 'video/mp4',
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
};

/** Leading bytes of each image format: browsers render images, so an image must really be one. */
const IMAGE_MAGIC: Record<string, (head: Buffer) => boolean> = {
  'image/png': (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (h) => h.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])),
  'image/gif': (h) => ['GIF87a', 'GIF89a'].includes(h.subarray(0, 6).toString('latin1')),
  'image/webp': (h) => h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP',
};

/** Bytes of the file's start that `contentMatches` needs. */
export const HEAD_BYTES = 16;

const MAX_FILENAME = 200;

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

/** The content type to store and serve for a file name, or null when the type is not allowed. */
export function contentTypeFor(filename: string): string | null {
  return TYPES[extensionOf(filename)] ?? null;
}

export function isImage(contentType: string): boolean {
  return contentType in IMAGE_MAGIC;
}

/** For images, whether the bytes are that image format; other types are not sniffed. */
export function contentMatches(contentType: string, head: Buffer): boolean {
  const check = IMAGE_MAGIC[contentType];
  return check ? check(head) : true;
}

/**
 * The name shown and offered on download: no directory parts, no control or
 * invisible formatting characters (e.g. right-to-left overrides that disguise
 * "exe" as "txt"), no characters Windows refuses, at most 200 characters with
 * the extension kept.
 */
export function sanitizeFilename(raw: string): string {
  let name = (raw.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const chars = [...name];
  if (chars.length > MAX_FILENAME) {
    const ext = extensionOf(name);
    const tail = ext && ext.length <= 10 ? `.${ext}` : '';
    name = chars.slice(0, MAX_FILENAME - tail.length).join('').trimEnd() + tail;
  }
  return name;
}

/** A Content-Disposition value with an ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(kind: 'attachment' | 'inline', filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_') || 'file';
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
