#!/usr/bin/env node
// The package's command (`npx parallax …`): loads the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../scripts/parallax.ts');
