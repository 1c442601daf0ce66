import path from 'node:path';
import { z } from 'zod';

/** The process configuration, read once from the environment at start. */
export interface Config {
  host: string;
  port: number;
  /** External PostgreSQL server; when absent Cycle runs its own embedded server on `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** Load the demo workspace into an empty embedded database at start. Never applies to DATABASE_URL. */
  loadDemo: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Mark session cookies Secure (set when served over HTTPS behind a proxy). */
  secureCookies: boolean;
}

const booleanText = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const environmentSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL')
    .optional(),
  CYCLE_DATA_DIR: z.string().min(1).default('data'),
  CYCLE_ADMIN_EMAIL: z.email().optional(),
  CYCLE_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  CYCLE_DEMO: booleanText.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  CYCLE_SECURE_COOKIES: booleanText.default(false),
});

/** Thrown when an environment variable is invalid; the message names the variable and the fix. */
export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  return {
    host: env.HOST,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.CYCLE_DATA_DIR),
    adminEmail: env.CYCLE_ADMIN_EMAIL,
    adminPassword: env.CYCLE_ADMIN_PASSWORD,
    loadDemo: env.CYCLE_DEMO,
    logLevel: env.LOG_LEVEL,
    secureCookies: env.CYCLE_SECURE_COOKIES,
  };
}
