import { createHash, randomBytes } from 'node:crypto';

/** A random bearer secret (session cookie, device token); only its hash is stored. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
