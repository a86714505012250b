/**
 * Types for `.astro` imports in the site's tests (Astro's own types declare none: its editor plugin resolves them), so
 * `tsc --noEmit -p .` checks a test that renders a component with Astro's container API.
 */
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const component: AstroComponentFactory;
  export default component;
}
