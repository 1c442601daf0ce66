import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outputIndex = path.join(root, 'dist/web/index.html');
const inputs = [path.join(root, 'src/web'), path.join(root, 'src/shared'), path.join(root, 'index.html'), path.join(root, 'vite.config.ts')];

function newestModification(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestModification(path.join(target, entry)));
  return newest;
}

/** Builds the web app with Vite when dist/web is missing or older than its sources (first `npm start`). */
export async function ensureWebBuild(say: (line: string) => void): Promise<void> {
  if (process.env.CYCLE_SKIP_WEB_BUILD === '1') return; // `npm run dev` serves the web app from Vite
  const built = fs.existsSync(outputIndex) ? fs.statSync(outputIndex).mtimeMs : 0;
  const newestSource = Math.max(...inputs.map(newestModification));
  if (built >= newestSource) return;
  say('Building the web app (first start or sources changed)…');
  const { build } = await import('vite');
  await build({ root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
