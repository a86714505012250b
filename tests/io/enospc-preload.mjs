// Preloaded with `node --import` by tests/cli/disk-full.test.ts: every file handle opened on a path that contains
// PARALLAX_TEST_ENOSPC fails its writes as a full disk does, with Node's own message ("ENOSPC: no space left on device,
// write", no path). syncBuiltinESMExports makes `import { open } from 'node:fs/promises'` see the wrapped open.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const pattern = process.env.PARALLAX_TEST_ENOSPC;
const realOpen = fs.promises.open;
fs.promises.open = async function open(file, ...rest) {
  const handle = await realOpen.call(this, file, ...rest);
  if (pattern && String(file).includes(pattern)) {
    handle.writeFile = async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    };
  }
  return handle;
};
syncBuiltinESMExports();
