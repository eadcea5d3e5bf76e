/**
 * Passwords are hashed with Argon2id (memory-hard), with the library's defaults (19 MiB, t=2),
 * the OWASP baseline for interactive logins.
 */
import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this keeps a login for an unknown user as slow as for a known one.
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hash('motcua-decoy-password');
  return decoy;
}
