import type { Command } from 'commander';
import { loadConfig } from '../../server/config';
import { startServer } from '../../server/main';
import { ensureWebBuild } from '../web-build';

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description(
      'Start Cycle: web app, API and jobs. Uses DATABASE_URL when set, else its own PostgreSQL in ./data ' +
        '(CYCLE_DATA_DIR). HOST and PORT choose the address (default 127.0.0.1:3000).',
    )
    .action(async () => {
      const config = loadConfig();
      const say = (line: string) => process.stdout.write(`${line}\n`);
      await ensureWebBuild(say);
      const server = await startServer(config, say);
      let stopping = false;
      const shutdown = (signal: string) => {
        if (stopping) return;
        stopping = true;
        say(`\n${signal} received: finishing requests and stopping…`);
        server
          .stop()
          .then(() => process.exit(0))
          .catch((error: unknown) => {
            process.stderr.write(`Shutdown failed: ${String(error)}\n`);
            process.exit(1);
          });
      };
      process.on('SIGINT', () => shutdown('SIGINT'));
      process.on('SIGTERM', () => shutdown('SIGTERM'));
    });
}
