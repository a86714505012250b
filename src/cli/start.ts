/** `parallax start [build options] [--port N]`: build (src/cli/build.ts), then serve dist/ on 127.0.0.1 with Astro's preview server. */
import { createServer } from 'node:net';
import { outageExit, ROOT, UsageError } from './ingest-options';
import { buildSite } from './build';

/**
 * The address `start` listens on, and so the host its pages' absolute links name (siteOf). The IPv4 loopback, not
 * "localhost": where localhost resolves to ::1 first (Node 17+ keeps the resolver's order), a link to
 * http://localhost:PORT reached no server, and the feeds, sitemap and canonical links had named localhost while the
 * server printed and served 127.0.0.1.
 */
export const SERVE_HOST = '127.0.0.1';

/** Resolves when `port` on SERVE_HOST (127.0.0.1) can be listened on; throws UsageError when it is taken or not a valid port. */
export async function checkPort(port: number): Promise<void> {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be a whole number from 1 to 65535 (got ${port})`);
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new UsageError(`port ${port} on ${SERVE_HOST} is in use: pass --port N (or PORT=N) for another`) : error),
    );
    probe.listen(port, SERVE_HOST, () => probe.close(() => resolve()));
  });
}

export const description = `ingest, build and serve the site on http://${SERVE_HOST}:4321/ (the default command)`;

export const help = `usage: parallax start [build options] [--port N]

  --port N         serve on ${SERVE_HOST}:N (also PORT; default 4321)
  and every option of \`parallax build --help\`
The pages' absolute links (feeds, sitemap, canonical) name http://${SERVE_HOST}:N unless PARALLAX_SITE is set.`;

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
 * The site origin the pages' absolute links (canonical, og:url, every feed link, the sitemap) name: PARALLAX_SITE
 * when set, else the address `start` serves, http://127.0.0.1:`port` (SERVE_HOST; with --port 8081 the links had
 * pointed to 4321, and then to localhost while the server was on 127.0.0.1).
 */
export function siteOf(port: number, env: NodeJS.ProcessEnv = process.env): string {
  return env.PARALLAX_SITE || `http://${SERVE_HOST}:${port}`;
}

export async function run(args: string[]): Promise<number> {
  const { port, rest } = portOf(args);
  process.env.PARALLAX_SITE = siteOf(port);
  // Astro's preview server would move to another port and the address printed below would point elsewhere.
  await checkPort(port);
  // A total outage is said (the site is served all the same: it shows the content as it is).
  const built = await buildSite(rest);
  outageExit(built.ingest, built.json);
  const { preview } = await import('astro');
  const server = await preview({ root: ROOT, logLevel: 'warn', server: { host: SERVE_HOST, port } });
  const base = (process.env.PARALLAX_BASE ?? '/').replace(/\/?$/, '/');
  process.stdout.write(`\nServing the site at http://${SERVE_HOST}:${server.port}${base}  (Ctrl+C to stop)\n`);
  await server.closed();
  return 0;
}
