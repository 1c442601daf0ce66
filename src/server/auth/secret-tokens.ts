import { createHash, randomBytes } from 'node:crypto';

/** A new random secret (session or API token) with a readable prefix, e.g. `cyc_…`. */
export function generateSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 of a secret, hex; what the database stores instead of the secret. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
