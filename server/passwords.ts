/**
 * Passwords on the server: argon2id (@node-rs/argon2; its defaults are OWASP's — 19 MiB, 2 passes,
 * 1 lane). PBKDF2 hashes made before (the demo seed's) still verify and are replaced by argon2id
 * at the next sign-in (domain/passwords.ts).
 */
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
