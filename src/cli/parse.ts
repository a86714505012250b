/**
 * `parallax parse FILE [--url FEED_URL]`: one feed, normalised, as JSON on stdout:
 * {"feed": {"title", "link"}, "items": [{"title", "link", "canonicalUrl", "published", "summary", "author", "image",
 * "categories"}], "errors": [{"kind", "message", "position"?}]}. Exits 1 (with the error kind and message on stderr)
 * when the feed is rejected as a whole.
 *
 * FILE is read only up to the feed size limit (FEED_MAX_BYTES, the cap every ingested feed is held to): a larger
 * file, or an endless one such as /dev/zero or a pipe, is rejected as `too_large` after at most the limit + 1 bytes,
 * so memory stays bounded whatever FILE is.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { FEED_MAX_BYTES } from '../core/config';
import { parseFeed, type ParsedFeed } from '../core/feed/parse-feed';
import { languageProblem } from '../core/registry/check';
import { isTimeZone } from '../core/schema/source';
import { readFileCapped } from '../io/read-capped';
import { UsageError, parseCliArgs } from './ingest-options';

export const description = 'print one feed file, normalised, as JSON (for debugging a feed)';

export const help = `usage: parallax parse FILE [--url FEED_URL] [--time-zone ZONE] [--language TAG]

  FILE             a feed file (RSS, RDF, Atom or JSON Feed; at most 10 MiB, as ingest takes)
  --url FEED_URL   the feed's URL (absolute http or https), the last base for relative links
  --time-zone ZONE the source's timeZone, as in the registry ("Europe/Warsaw", "+05:30"): the zone of dates that
                   name none (default UTC)
  --language TAG   the source's language, as in the registry ("pl"): the charset of a feed that declares none and
                   is not UTF-8`;

/**
 * The `parse` command.
 *
 * @param args the arguments after `parse`: FILE and optionally `--url FEED_URL` (the base for relative links),
 *   `--time-zone ZONE` and `--language TAG` (the registry's fields of that name, as ingest passes them)
 * @returns the exit code: 0 when the feed was read, 1 when it was rejected as a whole (too_large, not_a_feed,
 *   xml_malformed...; the JSON is still printed, the kind and message go to stderr)
 * @throws UsageError without FILE, when FILE is not there or is a directory, when `--url` is not an absolute
 *   http(s) URL, `--time-zone` no time zone or `--language` no language tag (exit 2); the fs error when FILE cannot be opened or read otherwise
 */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCliArgs({ args, allowPositionals: true, options: { url: { type: 'string' }, 'time-zone': { type: 'string' }, language: { type: 'string' } } });
  const file = positionals[0];
  if (!file) throw new UsageError('usage: parallax parse FILE [--url FEED_URL] [--time-zone ZONE] [--language TAG]');
  if (values.url !== undefined) requireFeedUrl(values.url);
  const timeZone = values['time-zone'];
  if (timeZone !== undefined && !isTimeZone(timeZone)) throw new UsageError(`--time-zone ${JSON.stringify(timeZone)}: not a time zone (an IANA name such as "Europe/Warsaw", or an offset such as "+05:30")`);
  const problem = values.language === undefined ? null : languageProblem(values.language);
  if (problem) throw new UsageError(`--language: ${problem}`);
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) throw new UsageError(`parse: no file at ${path.resolve(file)}`);
  if (stat.isDirectory()) throw new UsageError(`parse: ${path.resolve(file)} is a directory, not a feed file`);
  const read = await readFileCapped(file, FEED_MAX_BYTES);
  const feed: ParsedFeed =
    read.bytes === null
      ? {
          format: null,
          feed: { title: null, link: null, language: null },
          items: [],
          errors: [{ kind: 'too_large', message: tooLargeMessage(file, read.size), position: null, ...(values.url === undefined ? {} : { feed: values.url }) }],
        }
      : // dates over 24 h ahead of now are null, as at ingest; the zone and language as ingest passes a source's
        parseFeed(read.bytes, { url: values.url, now: new Date(), timeZone, language: values.language });
  const out = {
    feed: { title: feed.feed.title, link: feed.feed.link },
    items: feed.items.map((i) => ({
      title: i.title,
      link: i.link,
      canonicalUrl: i.canonicalUrl,
      published: i.published,
      summary: i.summary,
      author: i.author,
      image: i.image,
      categories: i.categories,
    })),
    errors: feed.errors,
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  if (feed.format === null) {
    const first = feed.errors[0];
    process.stderr.write(`parallax: feed rejected: ${first ? `${first.kind}: ${first.message}` : 'not_a_feed'}\n`);
    return 1;
  }
  return 0;
}

/**
 * Throws UsageError unless `url` is an absolute http(s) URL: a feed is fetched from one, and a relative or
 * scheme-less value ("news/feed.xml", "notaurl") can be no base for its links (RFC 3986 §5.1; it had blanked every
 * link, absolute ones too, with exit 0).
 */
function requireFeedUrl(url: string): void {
  let scheme: string | null = null;
  try {
    scheme = new URL(url).protocol;
  } catch {
    /* not absolute */
  }
  if (scheme !== 'http:' && scheme !== 'https:') {
    throw new UsageError(`--url ${JSON.stringify(url)}: not an absolute http(s) URL (e.g. https://news.example/feed.xml)`);
  }
}

/** "FILE is N bytes; ..." when its size is known, "FILE holds more than ..." when reading stopped at the cap. */
function tooLargeMessage(file: string, size: number | null): string {
  const limit = `the limit is ${FEED_MAX_BYTES} bytes (${FEED_MAX_BYTES / 1024 / 1024} MiB)`;
  return size !== null
    ? `${file} is ${size} bytes; ${limit}; not read`
    : `${file} holds more than ${FEED_MAX_BYTES} bytes; ${limit}; reading stopped there`;
}
