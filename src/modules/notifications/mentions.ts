/** @username mentions in a note or reply body. */

/** More mentions than this in one text are ignored: a note is not a mailing list. */
export const MAX_MENTIONS = 20;

// Preceded by start or a non-word character, so an e-mail address is not a mention.
const MENTION = /(?:^|[^\p{L}\p{N}_.@-])@([\p{L}\p{N}_][\p{L}\p{N}_.-]{0,63})/gu;

/** Lower-cased usernames mentioned in the text, each once, trailing dots dropped ("@li." ends a sentence). */
export function parseMentions(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    const name = match[1]!.replace(/[.-]+$/, '').toLowerCase();
    if (name) names.add(name);
    if (names.size >= MAX_MENTIONS) break;
  }
  return [...names];
}
