/**
 * A story as a Markdown file: YAML front matter (all the data, written only through gray-matter's serializer, so any
 * title, e.g. `Re: Budget talks: what "changed" #2`, survives a round trip) and a body of summary bullets built as
 * an mdast tree and serialised by remark with the features Astro reads Markdown with (GFM on, no typographic
 * replacement), so feed text is escaped and never turns into markup.
 */
import matter from 'gray-matter';
import type { List, Root } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { StorySchema, type Story } from '../schema/story';

const processor = remark().use(remarkGfm).data('settings', { bullet: '-', listItemIndent: 'one' });

/** The Markdown body: one bullet per summary sentence, each linking to its article. */
export function storyBody(story: Story): string {
  const urls = new Map(story.articles.map((a) => [a.id, a.url]));
  const list: List = {
    type: 'list',
    ordered: false,
    spread: false,
    children: story.summary.map((b) => ({
      type: 'listItem',
      spread: false,
      children: [
        {
          type: 'paragraph',
          children: urls.has(b.articleId)
            ? [{ type: 'link', url: urls.get(b.articleId)!, children: [{ type: 'text', value: b.text }] }]
            : [{ type: 'text', value: b.text }],
        },
      ],
    })),
  };
  const root: Root = { type: 'root', children: story.summary.length ? [list] : [] };
  return processor.stringify(root);
}

/**
 * The whole file: front matter and body. Keys are in schema order (the story goes through StorySchema first), so a
 * story read back from its file serialises to the same bytes. Throws a ZodError for a story that is not valid.
 */
export function serializeStory(story: Story): string {
  return matter.stringify(storyBody(story), StorySchema.parse(story) as unknown as Record<string, unknown>);
}

/**
 * Reads a story file back into its front-matter data (unvalidated; validate with StorySchema). Options are passed
 * (empty) because gray-matter keeps every text parsed without options in a process-wide cache that is never emptied:
 * a process that ingests day after day (the year benchmark) grew ~25 MB a day and ran out of memory at day 140.
 */
export function parseStoryFile(text: string): Record<string, unknown> {
  return matter(text, {}).data;
}
