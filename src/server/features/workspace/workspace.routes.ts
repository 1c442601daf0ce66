import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app';
import { readSetting } from './workspace.repository';

/** The demo workspace marker written by `cycle demo`: seed and size, so the app can label it. */
export interface DemoMarker {
  seed: number;
  accounts: number;
  months: number;
  loadedAt: string;
}
export const DEMO_SETTING_KEY = 'demo';

export function workspaceRoutes({ database }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/workspace',
      {
        config: { permission: 'workspace.read' },
        schema: {
          tags: ['workspace'],
          summary: 'Workspace facts: whether demo data is loaded, reporting currency',
          response: {
            200: z.object({
              demo: z.object({ seed: z.number(), accounts: z.number(), months: z.number(), loadedAt: z.string() }).nullable(),
              databaseMode: z.enum(['embedded', 'external']),
            }),
          },
        },
      },
      async () => ({
        demo: (await readSetting<DemoMarker>(database.db, DEMO_SETTING_KEY)) ?? null,
        databaseMode: database.mode,
      }),
    );
  };
}
