import { z } from 'zod';
import { userRoles } from './enums';

export const meSchema = z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: z.enum(userRoles) });
export type Me = z.infer<typeof meSchema>;

export const workspaceSchema = z.object({
  demo: z.object({ seed: z.number(), accounts: z.number(), months: z.number(), loadedAt: z.string() }).nullable(),
  databaseMode: z.enum(['embedded', 'external']),
});
export type Workspace = z.infer<typeof workspaceSchema>;

/** RFC 9457 problem details as Cycle sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { field?: string; row?: number; column?: string; value?: string; message: string }[];
}
