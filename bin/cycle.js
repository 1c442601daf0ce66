#!/usr/bin/env -S node --max-semi-space-size=64
// Runs the TypeScript CLI through tsx, so `npx cycle …` works in a checkout with no build step.
// A 64 MB young generation: tracked batches allocate many short-lived objects, and with the default
// 16 MB, those still waiting for their group commit were promoted and collected the expensive way
// (`npm run bench ingest`: about a tenth more events per second). `npm start` passes the same flag.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
