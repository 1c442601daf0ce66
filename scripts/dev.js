#!/usr/bin/env node
// `npm run dev`: the API server restarted on change (tsx watch) plus the Vite dev server with hot reload.
// Open the Vite URL it prints; it proxies /api to the server on 127.0.0.1:3000.
import { spawn } from 'node:child_process';

const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'bin/cycle.js', 'start'], {
    stdio: 'inherit',
    env: { ...process.env, CYCLE_SKIP_WEB_BUILD: '1' },
  }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js'], { stdio: 'inherit' }),
];
const stop = () => children.forEach((child) => child.kill('SIGINT'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => process.exitCode ||= code ?? 0);
