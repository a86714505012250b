/**
 * The Hugo side of the full-rebuild comparison (bench-only: Hugo is not a dependency and not in CI). The same story
 * files (those with a page: 2+ sources) Parallax builds from (content/stories/*.md and content/archive/<YYYY-MM>/*.md: YAML front matter = the story,
 * body = the summary bullets) are hard-linked into a Hugo site whose minimal layouts render what a Parallax story page
 * shows: title, summary bullets, the article list with source names, coverage counts (sources, articles,
 * left/center/right); plus paginated section lists (50 a page), as Parallax's archive lists are. Hugo comes from
 * Debian's package (`apt-get install -y hugo`, 0.111 on bookworm) when it is missing; never from elsewhere.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { link, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MIN_SOURCES_FOR_STORY_PAGE } from '../../src/core/config';

/** Stories per list page in the Hugo site (Parallax's archive lists are paginated too). */
const HUGO_PAGE_SIZE = 50;

/** The `hugo` executable, installed from Debian's package when missing; throws when that is not possible. */
export function ensureHugo(): string {
  const which = spawnSync('sh', ['-c', 'command -v hugo'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  process.stdout.write('hugo not found: installing Debian\'s package (apt-get install -y hugo)\n');
  const r = spawnSync('apt-get', ['install', '-y', '-q', 'hugo'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) throw new Error('apt-get install -y hugo failed (run as root, after apt-get update)');
  return execFileSync('sh', ['-c', 'command -v hugo'], { encoding: 'utf8' }).trim();
}

const SINGLE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>{{ .Title }}</title></head>
<body><main><article>
<h1>{{ .Title }}</h1>
{{ with .Params.coverage }}<p>{{ .sourceCount }} sources · {{ .articleCount }} articles · Left {{ .bias.left }} · Center {{ .bias.center }} · Right {{ .bias.right }} · Unrated {{ .bias.unrated }}</p>{{ end }}
{{ .Content }}
<h2>Coverage</h2>
<ul>{{ range .Params.articles }}<li><a href="{{ .url }}">{{ .title }}</a> — {{ index $.Site.Data.sources .sourceId | default .sourceId }}</li>{{ end }}</ul>
</article></main></body></html>
`;

const LIST = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>
<ul>{{ range (.Paginate .Pages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ .Params.coverage.sourceCount }} sources)</li>{{ end }}</ul>
{{ with .Paginator }}{{ if .HasPrev }}<a href="{{ .Prev.URL }}">newer</a>{{ end }} {{ if .HasNext }}<a href="{{ .Next.URL }}">older</a>{{ end }}{{ end }}
</main></body></html>
`;

/** The source names by id, from the content directory's sources file (where the pipeline writes it). */
function sourceNames(content: string): Record<string, string> {
  for (const rel of ['sources.json', path.join('state', 'sources.json')]) {
    const file = path.join(content, rel);
    if (!existsSync(file)) continue;
    const list = JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string; name: string }>;
    if (Array.isArray(list)) return Object.fromEntries(list.map((s) => [s.id, s.name]));
  }
  return {};
}

/** Writes the Hugo site into `site` (replacing it) from `content`; returns the number of story files linked (2+ sources). */
export async function writeHugoSite(content: string, site: string): Promise<number> {
  await rm(site, { recursive: true, force: true });
  await mkdir(path.join(site, 'layouts', '_default'), { recursive: true });
  await mkdir(path.join(site, 'data'), { recursive: true });
  await writeFile(
    path.join(site, 'config.toml'),
    [
      'baseURL = "https://example.org/"',
      'title = "Parallax (Hugo comparison)"',
      `paginate = ${HUGO_PAGE_SIZE}`,
      'rssLimit = 50',
      'disableKinds = ["taxonomy", "term"]',
      '[permalinks]',
      '  stories = "/story/:filename/"',
      '  archive = "/story/:filename/"',
      '',
    ].join('\n'),
  );
  await writeFile(path.join(site, 'layouts', '_default', 'single.html'), SINGLE);
  await writeFile(path.join(site, 'layouts', '_default', 'list.html'), LIST);
  await writeFile(path.join(site, 'data', 'sources.json'), JSON.stringify(sourceNames(content)));
  let n = 0;
  const dirs: Array<[string, string]> = [[path.join(content, 'stories'), path.join(site, 'content', 'stories')]];
  const archive = path.join(content, 'archive');
  if (existsSync(archive)) {
    for (const m of readdirSync(archive).sort()) dirs.push([path.join(archive, m), path.join(site, 'content', 'archive', m)]);
  }
  for (const [from, to] of dirs) {
    if (!existsSync(from)) continue;
    await mkdir(to, { recursive: true });
    for (const f of readdirSync(from).sort()) {
      if (!f.endsWith('.md')) continue;
      // Parallax gives a page only to a story with MIN_SOURCES_FOR_STORY_PAGE (2) sources or more: Hugo gets the same.
      const m = /^\s*sourceCount: (\d+)/m.exec(readFileSync(path.join(from, f), 'utf8'));
      if (!m || Number(m[1]) < MIN_SOURCES_FOR_STORY_PAGE) continue;
      await link(path.join(from, f), path.join(to, f));
      n++;
    }
  }
  return n;
}

/** Runs `hugo` on `site` into `out` under /usr/bin/time -v: wall and CPU seconds, peak RSS (MB), HTML pages written. */
export function runHugo(hugo: string, site: string, out: string): { version: string; seconds: number; cpuSeconds: number; peakMb: number; pages: number } {
  const version = /v[\d.]+/.exec(execFileSync(hugo, ['version'], { encoding: 'utf8' }))?.[0] ?? 'unknown';
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', hugo, '--quiet', '--source', site, '--destination', out], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`hugo failed (${r.status}):\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`);
  const num = (re: RegExp) => Number(re.exec(r.stderr)?.[1] ?? 0);
  const pages = readdirSync(out, { recursive: true }).filter((e) => String(e).endsWith('.html')).length;
  return {
    version,
    seconds,
    cpuSeconds: num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/),
    peakMb: num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024,
    pages,
  };
}
