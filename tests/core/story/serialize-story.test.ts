import { readFileSync } from 'node:fs';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { StorySchema, type Story } from '../../../src/core/schema/story';
import { parseStoryFile, serializeStory, storyBody } from '../../../src/core/story/serialize-story';

const b24 = JSON.parse(readFileSync(new URL('../../fixtures/cases/B24.expected.json', import.meta.url), 'utf8'));

function story(title: string, bullet = 'A plain sentence.'): Story {
  return StorySchema.parse({
    id: 'abc123',
    slug: 'x',
    title,
    summary: [{ text: bullet, articleId: 'a1' }],
    articles: [
      { id: 'a1', sourceId: 's1', url: 'https://news.example.com/a?b=1&c=2', title, excerpt: null, published: null, firstSeen: '2026-02-18T00:00:00Z', similarity: 1 },
    ],
    firstSeen: '2026-02-18T00:00:00Z',
    lastUpdated: '2026-02-18T00:00:00Z',
    coverage: {
      sourceCount: 1,
      articleCount: 1,
      bias: { left: 0, center: 0, right: 0, unrated: 1 },
      biasPercent: { left: 0, center: 0, right: 0 },
      biasDetail: { unrated: 1 },
      factuality: { unrated: 1 },
      ownership: { unrated: 1 },
      countries: { unknown: 1 },
      brokeBy: { sourceId: 's1', articleId: 'a1', at: '2026-02-18T00:00:00Z' },
    },
    blindspot: null,
    topics: [],
  });
}

describe('serializeStory', () => {
  it.each([
    ['B24 colon and quotes', b24.frontmatter_roundtrip.title as string],
    ['date-like', '2024-01-01'],
    ['number-like', '1984'],
    ['boolean-like', 'true'],
    ['null-like', 'null'],
    ['comment-like', 'Budget #2 # not a comment'],
    ['leading dash and colon', '- Re: [urgent] {x}: y'],
    ['multi-line safe', 'Line one — “quoted” ‘single’ & <b>'],
  ])('round-trips a %s title through gray-matter', (_name, title) => {
    const text = serializeStory(story(title));
    const data = parseStoryFile(text);
    expect(data.title).toBe(title);
    expect(StorySchema.parse(data)).toEqual(story(title));
  });

  it('escapes feed text in the Markdown body so it never becomes markup', () => {
    const text = '*Not emphasis* <script>alert(1)</script> [not](a link) # not a heading';
    const body = storyBody(story('t', text));
    // Read back with the same Markdown features Astro uses: one list item holding one link whose only child is text.
    const tree = remark().use(remarkGfm).parse(body);
    const nodeTypes: string[] = [];
    visit(tree, (node) => {
      nodeTypes.push(node.type);
    });
    expect(nodeTypes).toEqual(['root', 'list', 'listItem', 'paragraph', 'link', 'text']);
    let linkText = '';
    visit(tree, 'link', (node) => {
      expect(node.url).toBe('https://news.example.com/a?b=1&c=2');
      linkText = (node.children[0] as { value: string }).value;
    });
    expect(linkText).toBe(text);
  });

  it('is deterministic', () => {
    expect(serializeStory(story('Same'))).toBe(serializeStory(story('Same')));
  });
});

describe('parseStoryFile', () => {
  it("leaves nothing in gray-matter's process-wide cache (a process that reads story files day after day must not grow)", () => {
    const text = `---\nid: leakcheck${Date.now()}\ntitle: A\n---\nBody\n`;
    expect(parseStoryFile(text)).toMatchObject({ title: 'A' });
    expect(Object.keys((matter as unknown as { cache: Record<string, unknown> }).cache)).not.toContain(text);
  });
});
