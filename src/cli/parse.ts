/**
 * `parallax parse FILE [--url FEED_URL]`: one feed, normalised, as JSON on stdout:
 * {"feed": {"title", "link"}, "items": [{"title", "link", "canonicalUrl", "published", "summary", "author", "image",
 * "categories"}], "errors": [{"kind", "message", "position"?}]}. Exits 1 (with the error kind on stderr) when the feed
 * is rejected as a whole.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseFeed } from '../core/feed/parse-feed';
import { UsageError } from './ingest-options';

export const description = 'print one feed file, normalised, as JSON (for debugging a feed)';

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { url: { type: 'string' } } });
  const file = positionals[0];
  if (!file) throw new UsageError('usage: parallax parse FILE [--url FEED_URL]');
  const feed = parseFeed(new Uint8Array(await readFile(file)), { url: values.url });
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
    process.stderr.write(`parallax: feed rejected: ${feed.errors[0]?.kind ?? 'not_a_feed'}\n`);
    return 1;
  }
  return 0;
}
