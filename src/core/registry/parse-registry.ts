/**
 * The registry as ingest reads it: the text of content/sources.json to sources, or one Error that says where the
 * first problem is and points to `parallax sources check`, which lists them all. Pure (the caller reads the file).
 */
import { RegistrySchema, type Source } from '../schema/source';
import { describeSchemaIssue, languageProblem } from './check';
import { jsonLines, lineOf } from './json-lines';
import { describeUnknownKey, unknownKeys } from './unknown-keys';
import { describeJsonError, parseJson, stripBom } from './json-syntax';

/**
 * Parses and validates a registry's text (a JSON array of SourceSchema entries; a leading byte-order mark is
 * dropped). `file` names it in messages. Unknown keys are dropped, as the schema drops them, each named to
 * `onUnknownKey` (FILE:LINE: source "ID": PATH: unknown key, ignored[; did you mean KEY?]), as `sources check` warns.
 * Throws Error, for the first problem only, as "FILE:LINE[:COLUMN]: …; `parallax sources check --registry FILE` lists
 * every problem": a JSON syntax error (line, column, the text there), a text that is not an array, an entry that
 * does not match SourceSchema (its source id, field, what is wrong and the value, worded as `sources check` words
 * it), two sources with one id, or a language that is no BCP 47 tag with an ISO 639 code (languageProblem).
 */
export function parseRegistry(text: string, file: string, onUnknownKey: (message: string) => void = () => {}): Source[] {
  const all = `; \`parallax sources check --registry ${file}\` lists every problem`;
  const json = parseJson(text);
  if (!json.ok) throw new Error(`${file}:${json.error.line}:${json.error.column}: not valid JSON: ${describeJsonError(json.error)}${all}`);
  const raw = json.value;
  if (!Array.isArray(raw)) throw new Error(`${file}: the registry must be a JSON array of sources${all}`);
  const lines = jsonLines(stripBom(text));
  const idOf = (i: number): string => {
    const id = (raw[i] as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? id : `#${i}`;
  };
  const parsed = RegistrySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [index, ...field] = issue.path;
    const { message } = describeSchemaIssue(raw[index as number], { ...issue, path: field });
    throw new Error(`${file}:${lineOf(lines, issue.path)}: source "${idOf(index as number)}": ${message}${all}`);
  }
  const first = new Map<string, number>();
  parsed.data.forEach((s, i) => {
    const prev = first.get(s.id);
    if (prev !== undefined) throw new Error(`${file}:${lineOf(lines, [i, 'id'])}: duplicate source id "${s.id}" (first at line ${lineOf(lines, [prev, 'id'])})${all}`);
    first.set(s.id, i);
    // The language picks a source's stop words: a name ("english") or an unassigned code ("xx") would silently
    // cluster its articles with the unknown-language list.
    const badLanguage = languageProblem(s.language);
    if (badLanguage) throw new Error(`${file}:${lineOf(lines, [i, 'language'])}: source "${s.id}": ${badLanguage}${all}`);
    for (const k of unknownKeys(raw[i])) {
      onUnknownKey(`${file}:${lineOf(lines, [i, ...k.path])}: source "${s.id}": ${describeUnknownKey(k)}`);
    }
  });
  return parsed.data as Source[];
}
