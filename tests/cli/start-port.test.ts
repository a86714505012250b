/** `parallax start` checks its port before building, so it never prints an address that another program holds. */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkPort } from '../../src/cli/start';

describe('checkPort', () => {
  it('accepts a free port and names a taken one', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const taken = (holder.address() as { port: number }).port;
    await expect(checkPort(taken)).rejects.toThrow(`port ${taken} on 127.0.0.1 is in use: pass --port N`);
    await new Promise<void>((resolve) => holder.close(() => resolve()));
    await expect(checkPort(taken)).resolves.toBeUndefined();
    await expect(checkPort(70000)).rejects.toThrow(/--port must be a whole number from 1 to 65535/);
  });
});
