/** `parallax start [build options] [--port N]`: build (src/cli/build.ts), then serve dist/ on 127.0.0.1 with Astro's preview server. */
import { ROOT } from './ingest-options';
import { buildSite } from './build';

export const description = 'ingest, build and serve the site on http://127.0.0.1:4321/ (the default command)';

export async function run(args: string[]): Promise<number> {
  const portAt = args.indexOf('--port');
  const port = Number(portAt >= 0 ? args[portAt + 1] : (process.env.PORT ?? 4321));
  const rest = portAt >= 0 ? [...args.slice(0, portAt), ...args.slice(portAt + 2)] : args;
  await buildSite(rest);
  const { preview } = await import('astro');
  const server = await preview({ root: ROOT, logLevel: 'warn', server: { host: '127.0.0.1', port } });
  const base = (process.env.PARALLAX_BASE ?? '/').replace(/\/?$/, '/');
  process.stdout.write(`\nServing the site at http://127.0.0.1:${server.port}${base}  (Ctrl+C to stop)\n`);
  await server.closed();
  return 0;
}
