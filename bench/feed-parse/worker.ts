/**
 * One library, one process: `worker.ts LIB PASSES`. Reads the corpus into memory, runs one untimed warm-up pass
 * (which also counts entries and failed feeds), then PASSES timed passes, and prints one JSON line:
 * `{ lib, bytes, passMs: number[], passCpuMs: number[], entries, failed: string[] }` (wall-clock and process CPU time). Every library starts from the same bytes and does
 * its own full normalisation (the peers get `buffer.toString('utf8')` inside the timed region, as they need a string).
 */
import { loadCorpus } from './corpus.js';

type Parse = (bytes: Buffer) => Promise<number> | number;

const NOW = new Date('2026-02-18T12:00:00Z');

async function load(lib: string): Promise<Parse> {
  switch (lib) {
    case 'parallax': {
      const { parseFeed } = await import('../../src/core/feed/parse-feed.js');
      return (b) => {
        const r = parseFeed(b, { now: NOW });
        if (r.format === null) throw new Error(r.errors[0]?.kind ?? 'rejected');
        return r.items.length;
      };
    }
    case 'rss-parser': {
      const { default: Parser } = await import('rss-parser');
      const p = new Parser();
      return async (b) => (await p.parseString(b.toString('utf8'))).items.length;
    }
    case 'feed-extractor': {
      const { extractFromXml, extractFromJson } = await import('@extractus/feed-extractor');
      return (b) => {
        const s = b.toString('utf8');
        const r = s.trimStart().startsWith('{') ? extractFromJson(JSON.parse(s)) : extractFromXml(s);
        return r.entries?.length ?? 0;
      };
    }
    case 'feedsmith': {
      const { parseFeed } = await import('feedsmith');
      return (b) => {
        const r = parseFeed(b.toString('utf8')) as { feed: { items?: unknown[]; entries?: unknown[] } };
        return r.feed.items?.length ?? r.feed.entries?.length ?? 0;
      };
    }
    case 'fast-xml-parser': {
      const { XMLParser } = await import('fast-xml-parser');
      const p = new XMLParser({ ignoreAttributes: false });
      const count = (x: unknown) => (Array.isArray(x) ? x.length : x ? 1 : 0);
      return (b) => {
        const d = p.parse(b.toString('utf8')) as Record<string, any>;
        const rdf = d['rdf:RDF'];
        return count(d.rss?.channel?.item) + count(d.feed?.entry) + count(rdf?.item) + count(rdf?.['rss:item']);
      };
    }
    default:
      throw new Error(`unknown library ${lib}`);
  }
}

async function main(): Promise<void> {
  const [lib = '', passesArg = '2'] = process.argv.slice(2);
  const parse = await load(lib);
  const corpus = loadCorpus();
  const bytes = corpus.reduce((a, f) => a + f.bytes.byteLength, 0);
  let entries = 0;
  const failed: string[] = [];
  for (const f of corpus) {
    try {
      const n = await parse(f.bytes);
      entries += n;
      if (n === 0 && (f.expected ?? 1) > 0) failed.push(`${f.file} (no entries)`);
    } catch (err) {
      failed.push(`${f.file} (${String((err as Error)?.message ?? err).slice(0, 60)})`);
    }
  }
  const passMs: number[] = [];
  const passCpuMs: number[] = [];
  for (let p = 0; p < Number(passesArg); p++) {
    (globalThis as { gc?: () => void }).gc?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const f of corpus) {
      try {
        await parse(f.bytes);
      } catch {
        /* counted in the warm-up pass */
      }
    }
    passMs.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    passCpuMs.push((c.user + c.system) / 1000);
  }
  process.stdout.write(JSON.stringify({ lib, bytes, passMs, passCpuMs, entries, failed }) + '\n');
}

await main();
