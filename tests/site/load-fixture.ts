/** Reads the hand-made content dir (tests/fixtures/site-content) through the shared schemas, as the build does. */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { RegistrySchema, type Source } from '../../src/core/schema/source';
import { StorySchema, type Story } from '../../src/core/schema/story';

export const FIXTURE_DIR = path.resolve(import.meta.dirname, '../fixtures/site-content');

export function fixtureStories(): Story[] {
  const dir = path.join(FIXTURE_DIR, 'stories');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => StorySchema.parse(matter(fs.readFileSync(path.join(dir, f), 'utf8')).data));
}

export function fixtureSources(): Source[] {
  return RegistrySchema.parse(JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, 'state', 'sources.json'), 'utf8')));
}
