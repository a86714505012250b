/**
 * Stable identifiers. Ids are hashes, so they are opaque, URL-safe and the same on every machine and run.
 */
import { createHash } from 'node:crypto';
import { foldDiacritics } from '../fold-latin';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** Lower-case RFC 4648 base32 (no padding) of the first `chars` × 5 bits of SHA-256(text). */
function hashId(text: string, chars: number): string {
  const digest = createHash('sha256').update(text, 'utf8').digest();
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= chars) break;
  }
  return out;
}

/** Article id: 16 base32 characters (80 bits) of SHA-256 of the canonical URL. */
export function articleIdFor(canonicalUrl: string): string {
  return hashId(`article:${canonicalUrl}`, 16);
}

/**
 * The id of a discovered source whose domain slug is another site's source id already (a registered outlet's, or
 * another discovered site's: "bbc.news" and the registry's "bbc-news", "a-b.com" and "a.b.com"): the slug and 6
 * base32 characters of SHA-256 of its homepage ("bbc-news-k3v9q2"), the same on every run.
 */
export function distinctSourceId(slug: string, homepage: string): string {
  return `${slug}-${hashId(`source:${homepage}`, 6)}`;
}

/**
 * Story id: 12 base32 characters (60 bits) of SHA-256 of the id of the story's seed article (its earliest one at
 * creation). Minted once; afterwards the story index keeps it, whatever the story's articles become.
 */
export function storyIdFor(seedArticleId: string): string {
  return hashId(`story:${seedArticleId}`, 12);
}

/**
 * Readable, cosmetic URL slug from a headline: ASCII lower-case words joined by hyphens, at most 60 characters,
 * Latin letters folded (fold-latin.ts: "Łódź" → "lodz", "Straße" → "strasse"; ł and ß had been dropped, "odz"), then
 * compatibility forms and other combining marks (NFKD); "story" when nothing remains (e.g. a headline in a non-Latin
 * script).
 */
export function slugify(text: string): string {
  const ascii = foldDiacritics(text.toLowerCase())
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let slug = ascii.slice(0, 60);
  if (ascii.length > 60) slug = slug.replace(/-[^-]*$/, '');
  return slug || 'story';
}
