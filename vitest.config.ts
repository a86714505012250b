/// <reference types="vitest/config" />
// Vitest runs inside Astro's Vite configuration (getViteConfig), so tests resolve modules the way the site does.
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    globalSetup: ['tests/global-tmp.ts'],
  },
});
