/**
 * Passwords on the server: argon2id (@node-rs/argon2; its defaults are OWASP's — 19 MiB, 2 passes,
 * 1 lane). PBKDF2 hashes made before (the demo seed's) still verify and are replaced by argon2id
 * at the next sign-in (domain/passwords.ts).
 */
import { createHash } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from './domain/passwords';

export const argon2Hasher: PasswordHasher = {
  hash: (password) => hash(password),
  verify: async (stored, password) => {
    try {
      return await verify(stored, password);
    } catch {
      return false; // a malformed stored value never matches
    }
  },
  owns: (stored) => stored.startsWith('$argon2id$'),
};

/** A session token's SHA-256, hex (domain/passwords.ts `tokenId`), computed in place. */
export const sha256Hex = async (text: string) => createHash('sha256').update(text).digest('hex');
