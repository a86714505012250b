/**
 * A content directory with an archive, generated for site-freezing tests and measurements: the active stories and
 * sources of a template content dir (copied), plus `perMonth` archived stories in each of `months`, made from the
 * template stories with new ids, dates inside the month, and rotating titles and topics (serialized with the
 * pipeline's serializeStory; index.json with archiveEntryOf / sortArchiveEntries), and a redirects.json with merged
 * ids pointing at archived and active stories. Deterministic: same arguments, same bytes.
 */
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { archiveEntryOf, sortArchiveEntries } from '../../src/core/schema/archive';
import type { Story } from '../../src/core/schema/story';
import { serializeStory } from '../../src/core/story/serialize-story';
import { readStoriesIn } from '../helpers';

export interface ArchiveContentOptions {
  /** Content dir with state/sources.json, state/run.json and stories/ (the active stories and the templates). */
  template: string;
  /** "YYYY-MM" months to fill. */
  months: string[];
  perMonth: number;
  /** How many merged ids to redirect (half to archived stories, half to active ones). */
  redirects?: number;
}

const TOPICS = ['politics', 'world', 'economy', 'climate', 'health', 'technology', 'sport', 'science', 'courts', 'elections', 'energy', 'culture'];

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** The archived copy number `i` of month `month` made from `t`. */
export function archivedStory(t: Story, month: string, i: number): Story {
  const id = `x${month.replace('-', '')}${pad(i, 5)}`;
  const day = 1 + (i % 28);
  const at = `${month}-${pad(day, 2)}T${pad(i % 24, 2)}:${pad(i % 60, 2)}:00Z`;
  const shift = (iso: string | null): string | null => (iso === null ? null : at);
  const articles = t.articles.map((a, k) => ({ ...a, id: `${id}a${k}`, url: `${a.url.replace(/[?#].*$/, '')}?copy=${id}`, published: shift(a.published), firstSeen: at }));
  return {
    ...t,
    id,
    slug: `${t.slug}-${i}`,
    title: `${t.title} (${month} #${i})`,
    summary: t.summary.map((b) => ({ ...b, articleId: `${id}a${Math.max(0, t.articles.findIndex((a) => a.id === b.articleId))}` })),
    articles,
    firstSeen: at,
    lastUpdated: at,
    coverage: { ...t.coverage, brokeBy: { ...t.coverage.brokeBy, articleId: `${id}a0`, at } },
    // Every 24th story also has a topic of its own (like most key terms), too rare for an archive topic page.
    topics: [TOPICS[i % TOPICS.length]!, TOPICS[(i * 7 + 3) % TOPICS.length]!, `${month} story ${i % 5}`, ...(i % 24 === 0 ? [`lone ${i}`] : [])],
    similar: [],
  };
}

/** Writes the content dir; returns the archived story ids by month. */
export async function makeArchiveContent(dir: string, o: ArchiveContentOptions): Promise<Record<string, string[]>> {
  await mkdir(dir, { recursive: true });
  await cp(path.join(o.template, 'state', 'sources.json'), path.join(dir, 'state', 'sources.json'));
  await cp(path.join(o.template, 'state', 'run.json'), path.join(dir, 'state', 'run.json'));
  await cp(path.join(o.template, 'stories'), path.join(dir, 'stories'), { recursive: true });
  const templates = await readStoriesIn(o.template);
  const active = templates.filter((t) => t.coverage.sourceCount >= 2);
  const byMonth: Record<string, string[]> = {};
  for (const month of o.months) {
    const stories = Array.from({ length: o.perMonth }, (_, i) => archivedStory(templates[i % templates.length]!, month, i));
    const mdir = path.join(dir, 'archive', month);
    await mkdir(mdir, { recursive: true });
    for (const s of stories) await writeFile(path.join(mdir, `${s.id}.md`), serializeStory(s));
    await writeFile(path.join(mdir, 'index.json'), `${JSON.stringify(sortArchiveEntries(stories.map(archiveEntryOf)), null, 1)}\n`);
    byMonth[month] = stories.map((s) => s.id);
  }
  const redirects: Record<string, string> = {};
  const archivedWithPage = o.months.flatMap((m) => byMonth[m]!.filter((_, i) => templates[i % templates.length]!.coverage.sourceCount >= 2));
  for (let k = 0; k < (o.redirects ?? 0); k++) {
    const to = k % 2 === 0 ? archivedWithPage[k % archivedWithPage.length] : active[k % active.length]?.id;
    if (to) redirects[`merged${pad(k, 4)}`] = to;
  }
  await writeFile(path.join(dir, 'state', 'redirects.json'), `${JSON.stringify(redirects, null, 1)}\n`);
  return byMonth;
}
