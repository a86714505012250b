/** `parallax start [build options] [--port N]`: build (src/cli/build.ts), then serve dist/ on 127.0.0.1 with Astro's preview server. */
import { createServer } from 'node:net';
import { ROOT, UsageError } from './ingest-options';
import { buildSite } from './build';

/** Resolves when `port` on 127.0.0.1 can be listened on; throws UsageError when it is taken or not a valid port. */
export async function checkPort(port: number): Promise<void> {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be a whole number from 1 to 65535 (got ${port})`);
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new UsageError(`port ${port} on 127.0.0.1 is in use: pass --port N (or PORT=N) for another`) : error),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

export const description = 'ingest, build and serve the site on http://127.0.0.1:4321/ (the default command)';

export const help = `usage: parallax start [build options] [--port N]

  --port N         serve on 127.0.0.1:N (also PORT; default 4321)
  and every option of \`parallax build --help\``;

/**
 * The port to serve on, from `--port N` or `--port=N` in `args` (else the PORT environment variable, else 4321), and
 * the other arguments (for the build). Throws UsageError naming where the port came from when it is not a whole
 * number from 1 to 65535.
 */
export function portOf(args: readonly string[], env: NodeJS.ProcessEnv = process.env): { port: number; rest: string[] } {
  let said: string | undefined;
  let from = 'PORT';
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--port' || arg.startsWith('--port=')) {
      said = arg === '--port' ? (args[++i] ?? '') : arg.slice('--port='.length);
      from = '--port';
    } else rest.push(arg);
  }
  said ??= env.PORT ?? '4321';
  const port = /^\d{1,5}$/.test(said.trim()) ? Number(said) : NaN;
  if (!(port >= 1 && port <= 65535)) throw new UsageError(`${from} must be a whole number from 1 to 65535 (got "${said}")`);
  return { port, rest };
}

/**
 * The site origin the pages' absolute links (canonical, og:url, every feed link) name: PARALLAX_SITE when set, else
 * the one `start` serves, on `port` (with --port 8081 the links had pointed to 4321).
 */
export function siteOf(port: number, env: NodeJS.ProcessEnv = process.env): string {
  return env.PARALLAX_SITE || `http://localhost:${port}`;
}

export async function run(args: string[]): Promise<number> {
  const { port, rest } = portOf(args);
  process.env.PARALLAX_SITE = siteOf(port);
  // Astro's preview server would move to another port and the address printed below would point elsewhere.
  await checkPort(port);
  await buildSite(rest);
  const { preview } = await import('astro');
  const server = await preview({ root: ROOT, logLevel: 'warn', server: { host: '127.0.0.1', port } });
  const base = (process.env.PARALLAX_BASE ?? '/').replace(/\/?$/, '/');
  process.stdout.write(`\nServing the site at http://127.0.0.1:${server.port}${base}  (Ctrl+C to stop)\n`);
  await server.closed();
  return 0;
}
