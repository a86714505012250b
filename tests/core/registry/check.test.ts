import { describe, expect, it } from 'vitest';
import { checkRegistry, languageProblem } from '../../../src/core/registry/check';
import { isTimeZone, RegistrySchema } from '../../../src/core/schema/source';
import { jsonLines, lineOf } from '../../../src/core/registry/json-lines';

const src = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: id,
  homepage: `https://${id}.example/`,
  feeds: [{ url: `https://${id}.example/rss`, file: null, topic: null, kind: 'news' }],
  country: 'US',
  language: 'en',
  bias: [],
  factuality: [],
  ownership: null,
  discovered: false,
  flags: [],
  ...extra,
});
const text = (sources: unknown[]): string => `${JSON.stringify(sources, null, 2)}\n`;
/** 1-based line of the first line containing `needle` after the first line containing `after`. */
function lineWith(t: string, needle: string, after?: string): number {
  const lines = t.split('\n');
  const start = after ? lines.findIndex((l) => l.includes(after)) : 0;
  return lines.findIndex((l, i) => i >= start && l.includes(needle)) + 1;
}

describe('jsonLines', () => {
  it('maps paths to the line of their value', () => {
    const t = '[\n  {\n    "id": "a",\n    "feeds": [\n      { "url": "x" }\n    ]\n  }\n]';
    const lines = jsonLines(t);
    expect(lines.get('0.id')).toBe(3);
    expect(lines.get('0.feeds.0.url')).toBe(5);
    expect(lineOf(lines, [0, 'feeds', 0, 'missing'])).toBe(5);
  });
});

describe('checkRegistry', () => {
  it('passes a clean registry', () => {
    const r = checkRegistry(text([src('a'), src('b')]));
    expect(r.errors).toBe(0);
    expect(r.warnings).toBe(0);
    expect(r.sources).toBe(2);
    expect(r.feeds).toBe(2);
  });

  it('refuses a language that is not a BCP 47 tag with an ISO 639 code, naming the source and line (it had passed)', () => {
    const t = text([src('a', { language: 'english' }), src('b', { language: 'pt-BR' }), src('c', { language: 'zh-Hant' }), src('d', { language: 'en_US' }), src('e', { language: 'arq' })]);
    const r = checkRegistry(t);
    expect(r.issues).toEqual([
      { level: 'error', code: 'invalid_language', line: lineWith(t, '"language": "english"'), path: '0.language', message: 'a: language "english" is not a BCP 47 language tag with an ISO 639 code (e.g. "en", "de", "pt-BR"); did you mean "en"?' },
      { level: 'error', code: 'invalid_language', line: lineWith(t, '"language": "en_US"'), path: '3.language', message: 'd: language "en_US" is not a BCP 47 language tag with an ISO 639 code (e.g. "en", "de", "pt-BR"); did you mean "en-US"?' },
    ]);
    expect(lineWith(t, '"language": "english"')).toBe(15);
    // The tag probably meant, for a language's name and a country code too.
    expect(languageProblem('Arabic')).toMatch(/; did you mean "ar"\?$/);
    expect(languageProblem('jp')).toMatch(/; did you mean "ja"\?$/);
    expect(languageProblem('xx')).not.toMatch(/did you mean/);
  });

  it('refuses a language code that names no language ("xx", a country\'s "gr"), as CLDR knows them', () => {
    const t = text([src('a', { language: 'xx' }), src('b', { language: 'gr' }), src('c', { language: 'el' }), src('d', { language: 'XX-us' })]);
    expect(checkRegistry(t).issues.map((i) => [i.code, i.path])).toEqual([['invalid_language', '0.language'], ['invalid_language', '1.language'], ['invalid_language', '3.language']]);
  });

  it('names a rating date that is not a day, or after today, as invalid_date (a bad day had read as missing_attribution)', () => {
    const rating = (asOf: unknown) => ({ value: 'center', rater: 'AllSides', url: 'https://www.allsides.com/x', ...(asOf === undefined ? {} : { asOf }) });
    const t = text([
      src('a', { bias: [rating('2023-13-45')] }),
      src('b', { bias: [rating('2026-12-01')], factuality: [{ value: 'high', rater: 'MBFC', url: 'https://mediabiasfactcheck.com/x', asOf: '2027-01-01' }] }),
      src('c', { bias: [rating('2026-11-30')] }),
      src('d', { bias: [rating(undefined)] }),
    ]);
    const r = checkRegistry(t, '2026-11-30');
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_date', '0.bias.0.asOf'],
      ['invalid_date', '1.bias.0.asOf'],
      ['invalid_date', '1.factuality.0.asOf'],
      ['missing_attribution', '3.bias.0.asOf'],
    ]);
    expect(r.issues[1]!.message).toBe('b: bias.0.asOf 2026-12-01 is after today (2026-11-30): a rating is dated when it was made');
  });

  it('reports each problem with the line to fix', () => {
    const t = text([
      src('a'),
      src('a', { homepage: 'https://other.example/', feeds: [{ url: 'https://other.example/rss' }] }),
      src('c', { feeds: [{ url: 'https://a.example/rss' }] }),
      src('d', { feeds: [{ url: 'http://www.a.example/rss/?utm_source=x' }] }),
      src('e', { bias: [{ value: 'fake-news', rater: 'MBFC', url: null, asOf: '2026-08-19' }] }),
      src('f', { factuality: [{ value: 'high', url: null, asOf: '2026-08-19' }] }),
      src('g', { feeds: [{ url: 'opencv.org/feed' }] }),
      src('h', { feeds: [{ url: 'https://news.google.com/rss/search?q=x' }] }),
      src('i', { bias: [{ value: 'left', rater: 'A', url: 'https://a.example/r', asOf: '2024-01-01' }, { value: 'lean-right', rater: 'B', url: 'https://b.example/r', asOf: '2024-01-01' }] }),
      src('j', { bias: [{ value: 'left', rater: 'A', url: 'https://a.example/r', asOf: '2024-01-01' }, { value: 'left', rater: 'A', url: 'https://a.example/r', asOf: '2024-01-01' }] }),
    ]);
    const r = checkRegistry(t);
    const by = (code: string) => r.issues.filter((i) => i.code === code);
    expect(by('duplicate_id')).toHaveLength(1);
    expect(by('duplicate_id')[0]!.line).toBe(t.split('\n').findLastIndex((l) => l.includes('"id": "a"')) + 1);
    expect(by('duplicate_feed_url')).toHaveLength(1);
    expect(by('duplicate_feed_url')[0]!.line).toBe(lineWith(t, 'https://a.example/rss', '"id": "c"'));
    expect(by('same_feed_after_normalisation')).toHaveLength(1);
    expect(by('same_feed_after_normalisation')[0]!.line).toBe(lineWith(t, 'utm_source'));
    const unknown = by('unknown_rating_value');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]!.message).toContain('not a bias position');
    expect(unknown[0]!.line).toBe(lineWith(t, '"fake-news"'));
    expect(by('missing_attribution')[0]!.path).toBe('5.factuality.0.rater');
    expect(by('invalid_url')[0]!.line).toBe(lineWith(t, 'opencv.org/feed'));
    expect(by('aggregator_not_flagged')[0]!.message).toContain('news.google.com');
    expect(r.aggregators).toEqual(['h']);
    expect(r.disputed).toEqual(['i']);
    expect(by('duplicate_rater')).toHaveLength(1);
    expect(r.errors).toBe(r.issues.filter((i) => i.level === 'error').length);
    expect(r.errors).toBe(7);
  });

  // They had passed without a word: at ingest the password reached the log, state/feeds.json and the source page
  // through fetch's message, file: and ftp: failed as retried network errors, and a data: URL's item was stored.
  it('refuses a feed URL that is not http(s) or has credentials, and links the source page would show with them', () => {
    const data = `data:application/rss+xml,<rss><channel><item><title>Data</title><link>https://d.example/${'x'.repeat(300)}</link></item></channel></rss>`;
    const t = text([
      src('creds', { feeds: [{ url: 'http://feeduser:S3cretPassw0rd@127.0.0.30:8931/h/target' }] }),
      src('fileurl', { feeds: [{ url: 'file:///etc/passwd' }] }),
      src('dataurl', { feeds: [{ url: data }] }),
      src('ftp', { feeds: [{ url: 'ftp://127.0.0.1/x' }] }),
      src('script', { homepage: 'javascript:alert(1)', ownership: { owner: 'O', category: 'corporation', sourceUrl: 'https://me:pw@o.example/about', attribution: null } }),
      src('rated', { bias: [{ value: 'center', rater: 'AllSides', url: 'data:text/html,<script>alert(1)</script>', asOf: '2024-01-01' }], flags: [{ value: 'satire', rater: 'MBFC', url: 'http://user@m.example/x', asOf: null }] }),
      src('fine', { feeds: [{ url: 'HTTPS://fine.example/rss' }, { url: 'http://fine.example/@news/rss' }] }),
    ]);
    const r = checkRegistry(t, '2026-11-30');
    const feedScheme = ': ingest fetches feeds over http and https only';
    expect(r.issues).toEqual([
      { level: 'error', code: 'url_with_credentials', line: lineWith(t, 'S3cretPassw0rd'), path: '0.feeds.0.url', message: 'creds: feeds.0.url has a user name or password (http://***@127.0.0.30:8931/h/target): remove them; credentials in a registry end up in logs, in state/feeds.json and on the public source page; ingest refuses to fetch it' },
      { level: 'error', code: 'unsupported_url_scheme', line: lineWith(t, 'file:///etc/passwd'), path: '1.feeds.0.url', message: `fileurl: feeds.0.url has the scheme "file:" (file:///etc/passwd)${feedScheme}` },
      { level: 'error', code: 'unsupported_url_scheme', line: lineWith(t, 'data:application'), path: '2.feeds.0.url', message: `dataurl: feeds.0.url has the scheme "data:" (${data.slice(0, 200)})${feedScheme}` },
      { level: 'error', code: 'unsupported_url_scheme', line: lineWith(t, 'ftp://'), path: '3.feeds.0.url', message: `ftp: feeds.0.url has the scheme "ftp:" (ftp://127.0.0.1/x)${feedScheme}` },
      { level: 'error', code: 'unsupported_url_scheme', line: lineWith(t, 'javascript:'), path: '4.homepage', message: 'script: homepage has the scheme "javascript:" (javascript:alert(1)): the source page links to it, and only an http or https link is safe to show' },
      { level: 'error', code: 'url_with_credentials', line: lineWith(t, 'me:pw@'), path: '4.ownership.sourceUrl', message: 'script: ownership.sourceUrl has a user name or password (https://***@o.example/about): remove them; credentials in a registry end up on the public source page' },
      { level: 'error', code: 'unsupported_url_scheme', line: lineWith(t, 'data:text/html'), path: '5.bias.0.url', message: 'rated: bias.0.url has the scheme "data:" (data:text/html,<script>alert(1)</script>): the source page links to it, and only an http or https link is safe to show' },
      { level: 'error', code: 'url_with_credentials', line: lineWith(t, 'user@m.example'), path: '5.flags.0.url', message: 'rated: flags.0.url has a user name or password (http://***@m.example/x): remove them; credentials in a registry end up on the public source page' },
    ]);
    expect(JSON.stringify(r.issues)).not.toMatch(/S3cret|me:pw|feeduser/);
  });

  it('reports invalid JSON with its line, and a non-array', () => {
    const r = checkRegistry('[\n  {"id": "a",}\n]');
    expect(r.issues[0]!.code).toBe('invalid_json');
    expect(r.issues[0]!.line).toBe(2);
    expect(checkRegistry('{}').issues[0]!.code).toBe('not_an_array');
  });

  it('names the column of a trailing comma and shows the text there (it had said line 1 and JSON.parse\'s message)', () => {
    const t = text([src('a')]).replace('"flags": []', '"flags": [],');
    expect(checkRegistry(t).issues).toEqual([
      { level: 'error', code: 'invalid_json', line: lineWith(t, '"flags": [],'), column: 16, path: '', message: 'not valid JSON: a comma before "}": JSON allows no trailing comma, at `"flags": [],`' },
    ]);
  });

  it('reads a registry that starts with a byte-order mark, with the same lines', () => {
    const t = text([src('a', { language: 'xx' })]);
    const r = checkRegistry(`\uFEFF${t}`);
    expect(r.sources).toBe(1);
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([['invalid_language', lineWith(t, '"xx"')]]);
  });

  it('refuses a time zone that ECMA-402 does not know ("Asia/Tokio" had passed, and ingest read its dates as UTC), naming the source, the value and the zone meant', () => {
    const t = text([src('a', { timeZone: 'Asia/Tokio' }), src('b', { timeZone: 'Asia/Tokyo' }), src('c', { timeZone: 'UTC' }), src('d', { timeZone: '+05:30' }), src('e', { timeZone: null }), src('f', { timeZone: 'AEST' })]);
    const r = checkRegistry(t);
    expect(r.issues.map((i) => [i.code, i.path, i.line])).toEqual([
      ['invalid_time_zone', '0.timeZone', lineWith(t, '"Asia/Tokio"')],
      ['invalid_time_zone', '5.timeZone', lineWith(t, '"AEST"')],
    ]);
    expect(r.issues[0]!.message).toBe('a: timeZone: expected an IANA time zone name such as "Asia/Tokyo" or "UTC", or a UTC offset such as "+05:30" ("Asia/Tokio"); did you mean "Asia/Tokyo"?');
    // What ingest reads (readRegistry validates with RegistrySchema) refuses it too.
    const parsed = RegistrySchema.safeParse(JSON.parse(text([src('a', { timeZone: 'Asia/Tokio' })])));
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'))).toEqual(['0.timeZone']);
  });

  it.each([
    ['Asia/Tokyo', true], ['asia/tokyo', true], ['UTC', true], ['Etc/UTC', true], ['Asia/Calcutta', true], ['+05:30', true], ['-0800', true], ['+14', true],
    ['Asia/Tokio', false], ['', false], [' Asia/Tokyo', false], ['+15:00', false], ['+05:60', false], ['AEST', false], ['Tokyo', false],
  ])('isTimeZone(%j) is %s (ECMA-402 names and aliases, UTC offsets)', (zone, ok) => {
    expect(isTimeZone(zone)).toBe(ok);
  });

  it('says a country is an upper-case ISO 3166-1 alpha-2 code, and suggests the upper case of a lower-case one (it said only "Invalid")', () => {
    const t = text([src('a', { country: 'gr' }), src('b', { country: 'Greece' }), src('c', { country: 'GR' })]);
    expect(checkRegistry(t).issues.map((i) => i.message)).toEqual([
      'a: country: expected an ISO 3166-1 alpha-2 country code in upper case, e.g. "US", "GB", "GR" ("gr"); did you mean "GR"?',
      'b: country: expected an ISO 3166-1 alpha-2 country code in upper case, e.g. "US", "GB", "GR" ("Greece")',
    ]);
  });

  it('warns about each unknown key, in a source and in its feeds, ratings and ownership, with the key it probably meant (they had vanished without a word)', () => {
    const rating = { value: 'high', rater: 'MBFC', url: 'https://mediabiasfactcheck.com/a', asOf: '2024-01-01' };
    const t = text([
      src('a', { factualty: [rating], Bias: [], topc: 'world', timezone: 'Asia/Tokyo', hompage: 'https://a.example/', notes: 'hand-checked' }),
      src('b', { feeds: [{ url: 'https://b.example/rss', topc: 'world' }], bias: [{ ...rating, value: 'center', rater: 'AllSides', asof: '2024-01-01' }], ownership: { owner: 'B Inc.', category: 'corporation', sourceUrl: 'https://b.example/about', atribution: 'x' } }),
    ]);
    const r = checkRegistry(t);
    const unknown = r.issues.filter((i) => i.code === 'unknown_key');
    expect(unknown.map((i) => [i.level, i.path, i.message])).toEqual([
      ['warning', '0.factualty', 'a: factualty: unknown key, ignored; did you mean factuality?'],
      ['warning', '0.Bias', 'a: Bias: unknown key, ignored; did you mean bias?'],
      ['warning', '0.topc', 'a: topc: unknown key, ignored'], // topic is a feed's key, not a source's
      ['warning', '0.timezone', 'a: timezone: unknown key, ignored; did you mean timeZone?'],
      ['warning', '0.hompage', 'a: hompage: unknown key, ignored; did you mean homepage?'],
      ['warning', '0.notes', 'a: notes: unknown key, ignored'],
      ['warning', '1.feeds.0.topc', 'b: feeds.0.topc: unknown key, ignored; did you mean topic?'],
      ['warning', '1.bias.0.asof', 'b: bias.0.asof: unknown key, ignored; did you mean asOf?'],
      ['warning', '1.ownership.atribution', 'b: ownership.atribution: unknown key, ignored; did you mean attribution?'],
    ]);
    expect(unknown[0]!.line).toBe(lineWith(t, '"factualty"'));
    expect(unknown[6]!.line).toBe(lineWith(t, '"topc"', '"id": "b"'));
    // Warnings: the registry still reads (ingest ignores the keys).
    expect(r.errors).toBe(0);
    expect(r.sources).toBe(2);
  });

  it('warns about ownership set by hand without a sourceUrl, saying what to add; not when a URL or an attribution says where it comes from', () => {
    const own = (extra: Record<string, unknown>) => ({ ownership: { owner: 'Example Media Inc.', category: 'corporation', ...extra } });
    const t = text([
      src('readme', own({ sourceUrl: null })), // the README's example
      src('url', own({ sourceUrl: 'https://news.example.com/about' })),
      src('kite', own({ sourceUrl: null, attribution: 'Kite media_data.json' })),
    ]);
    expect(checkRegistry(t).issues.map((i) => [i.level, i.code, i.path, i.message])).toEqual([
      ['warning', 'ownership_without_source', '0.ownership', 'readme: ownership set by hand has no sourceUrl: add the page that says who owns it (an about or imprint page, a filing), where a reader can check it'],
    ]);
  });
});
