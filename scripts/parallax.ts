/**
 * The Parallax command line: `parallax COMMAND [options]`. Each command is a module src/cli/COMMAND.ts exporting
 * `description` and `run(args): Promise<exitCode>`; this file only dispatches (no command list to keep in step).
 * Without a command, `start` runs: the bundled demo, built and served.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../src/cli/ingest-options';
import { endWithNpm } from '../src/io/end-with-npm';
import { exitWith } from '../src/io/exit-code';

const CLI_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'src', 'cli');
interface Command {
  description: string;
  /** The command's own usage and options, printed by `parallax COMMAND --help` (else the command list). */
  help?: string;
  /** The same, for a command whose arguments decide it (an unknown subcommand is a usage error, not help). */
  helpFor?: (args: string[]) => string;
  run: (args: string[]) => Promise<number>;
}

async function load(name: string): Promise<Command | null> {
  const file = path.join(CLI_DIR, `${name}.ts`);
  if (!/^[a-z][a-z-]*$/.test(name) || !existsSync(file)) return null;
  const mod = (await import(file)) as Partial<Command>;
  return typeof mod.run === 'function' ? (mod as Command) : null;
}

/** The installed Parallax's version: package.json's. */
function version(): string {
  return (JSON.parse(readFileSync(path.join(CLI_DIR, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}

async function help(): Promise<void> {
  const lines = ['usage: parallax COMMAND [options]', '', 'commands:'];
  for (const f of readdirSync(CLI_DIR).filter((n) => n.endsWith('.ts')).sort()) {
    const cmd = await load(f.slice(0, -3));
    if (cmd) lines.push(`  ${f.slice(0, -3).padEnd(10)} ${cmd.description}`);
  }
  lines.push('', 'parallax COMMAND --help shows a command\'s options; parallax --version the version. See README.md.');
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(argv: string[]): Promise<number> {
  const [name = 'start', ...args] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    await help();
    return 0;
  }
  if (name === 'version' || name === '--version' || name === '-v') {
    process.stdout.write(`parallax ${version()}\n`);
    return 0;
  }
  const command = await load(name);
  if (!command) throw new UsageError(`unknown command "${name}" (try: parallax help)`);
  if (args.includes('--help') || args.includes('-h')) {
    const text = command.helpFor ? command.helpFor(args) : command.help;
    if (text) process.stdout.write(`${text}\n`);
    else await help();
    return 0;
  }
  return command.run(args);
}

// A reader that stops reading (`parallax ingest 2>&1 | head -1`) closes the pipe, and a write to it fails with EPIPE,
// which ended the run half-way (an operator trial's: exit 1 with no word, the run not written, its lock left behind).
// The run goes on unheard; any other error of the streams is still thrown.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

// Run by npm, the command ends when npm does (src/io/end-with-npm.ts).
endWithNpm();

exitWith(main(process.argv.slice(2)), (error) => {
  process.stderr.write(`parallax: ${error instanceof Error ? error.message : String(error)}\n`);
  return error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1;
});
