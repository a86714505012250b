/** Reads the hand-made content dir (tests/fixtures/site-content) through the shared schemas, as the build does. */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { RegistrySchema, type Source } from '../../src/core/schema/source';
import { StorySchema } from '../../src/core/schema/story';
import { withRankScores, type RankedStory } from '../../src/site/stories';

export const FIXTURE_DIR = path.resolve(import.meta.dirname, '../fixtures/site-content');

/** The fixture's run clock (state/run.json), which the build ranks stories at. */
export const FIXTURE_NOW: string = JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, 'state', 'run.json'), 'utf8')).now;

/** The fixture stories, validated, with their rank scores at FIXTURE_NOW (as src/site/data.ts gives them to pages). */
export function fixtureStories(): RankedStory[] {
  const dir = path.join(FIXTURE_DIR, 'stories');
  const stories = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => StorySchema.parse(matter(fs.readFileSync(path.join(dir, f), 'utf8')).data));
  return withRankScores(stories, FIXTURE_NOW);
}

export function fixtureSources(): Source[] {
  return RegistrySchema.parse(JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, 'state', 'sources.json'), 'utf8')));
}
