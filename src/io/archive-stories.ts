/**
 * The file side of the story archive (layout in src/core/schema/archive.ts): moving the stories that left the window
 * from stories/ to archive/<YYYY-MM>/ byte for byte (git sees a rename), taking archived ids out again (an editor
 * merged the story into another, or made it a live story again), and each touched month's index.json. Returns the
 * writes for the run's one transaction (writeContent); writes nothing itself.
 */
import path from 'node:path';
import { updateArchiveIndex } from '../core/retention';
import { archiveMonthOf, type ArchiveEntry } from '../core/schema/archive';
import type { Story } from '../core/schema/story';
import { archiveIndexPathOf, archivePathOf, readArchiveIndex, readStoryFile } from './content-store';

export interface ArchiveMoves {
  /** Active story ids to archive (their stories/<id>.md exists). */
  archive: readonly string[];
  /** Archived ids whose archive file goes (they are live stories again, or merged into another). */
  unarchive: readonly string[];
  /** Archived id → month, as on disk before the run (listArchive). */
  archived: ReadonlyMap<string, string>;
  /** Archived stories rewritten in place or moved by an editor's override, and active ones archived as rebuilt (a
   * takedown in the run they leave the window): the new story and its bytes, which win over the stories/ file. */
  rewrite?: ReadonlyArray<{ story: Story; text: string }>;
}

export interface ArchiveWrites {
  /** archive/<YYYY-MM>/<id>.md → bytes. */
  texts: Record<string, string>;
  /** stories/<id>.md moved away, archive files taken out, emptied month indexes. */
  deletes: string[];
  /** archive/<YYYY-MM>/index.json → entries, for every touched month that still has stories. */
  indexes: Record<string, ArchiveEntry[]>;
}

/** The writes that archive, unarchive and rewrite the given stories (see ArchiveMoves). */
export async function archiveStories(contentDir: string, moves: ArchiveMoves): Promise<ArchiveWrites> {
  const out: ArchiveWrites = { texts: {}, deletes: [], indexes: {} };
  const adds = new Map<string, Story[]>();
  const removes = new Map<string, string[]>();
  const touch = <T>(m: Map<string, T[]>, month: string, v: T) => m.set(month, [...(m.get(month) ?? []), v]);
  const takeOut = (id: string) => {
    const month = moves.archived.get(id);
    if (month === undefined) return;
    out.deletes.push(archivePathOf(month, id));
    touch(removes, month, id);
  };
  const put = (story: Story, text: string) => {
    const month = archiveMonthOf(story);
    const rel = archivePathOf(month, story.id);
    out.texts[rel] = text;
    touch(adds, month, story);
  };
  for (const id of moves.unarchive) takeOut(id);
  for (const { story, text } of moves.rewrite ?? []) {
    if (moves.archived.get(story.id) !== archiveMonthOf(story)) takeOut(story.id);
    put(story, text);
  }
  const rewritten = new Set((moves.rewrite ?? []).map((r) => r.story.id));
  for (const id of moves.archive) {
    const rel = path.join('stories', `${id}.md`);
    if (rewritten.has(id)) {
      out.deletes.push(rel);
      continue;
    }
    const { story, text } = await readStoryFile(path.join(contentDir, rel));
    if (moves.archived.has(id) && moves.archived.get(id) !== archiveMonthOf(story)) takeOut(id);
    put(story, text);
    out.deletes.push(rel);
  }
  out.deletes = out.deletes.filter((rel) => out.texts[rel] === undefined);
  for (const month of [...new Set([...adds.keys(), ...removes.keys()])].sort()) {
    const entries = updateArchiveIndex(await readArchiveIndex(contentDir, month), adds.get(month) ?? [], removes.get(month) ?? []);
    if (entries.length) out.indexes[archiveIndexPathOf(month)] = entries;
    else out.deletes.push(archiveIndexPathOf(month));
  }
  return out;
}

/**
 * Every archived story for which `decide` returns an action (reads every archived file: the pipeline calls it only
 * when the overrides changed). In id order.
 */
export async function scanArchive<A>(contentDir: string, archived: ReadonlyMap<string, string>, decide: (story: Story) => A | null): Promise<Array<{ story: Story; action: A }>> {
  const out: Array<{ story: Story; action: A }> = [];
  for (const [id, month] of [...archived].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    const { story } = await readStoryFile(path.join(contentDir, archivePathOf(month, id)));
    const action = decide(story);
    if (action !== null) out.push({ story, action });
  }
  return out;
}
