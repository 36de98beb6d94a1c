import type { UserRecord } from '../db';

export const DEMO_PASSWORD = 'demo123';
/**
 * `demo123` as PBKDF2-HMAC-SHA256 (600,000 iterations, server/domain/passwords.ts), made once: the
 * seed is synchronous and the demo password is public anyway. Every other password is hashed
 * with its own salt when it is set; the server upgrades this one to argon2id at the first sign-in.
 */
export const DEMO_PASSWORD_HASH =
  'pbkdf2-sha256$600000$PD7tLPlSK0ocS++hHdks2g==$Ir8aqBeV4tyKnk2cyrxpJPJJOVTLqDg3YInshGDSxXE=';

/**
 * Stores made before real password hashes kept the demo password as a 32-bit FNV-1a value (any
 * of millions of strings matched it). Loading such a store replaces that value by the demo hash
 * when it is the demo password's, and by an unusable one otherwise; nothing verifies FNV-1a.
 */
export function upgradeLegacyPasswordHash(stored: string): string | null {
  if (!stored.startsWith('fnv1a:')) return null;
  let h = 0x811c9dc5;
  for (const ch of DEMO_PASSWORD) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return stored === `fnv1a:${h.toString(16)}` ? DEMO_PASSWORD_HASH : '!';
}

export const DEMO_USERS: UserRecord[] = [
  {
    id: 'u-admin',
    username: 'admin',
    name: '系统管理员',
    role: 'admin',
    sectionId: null,
    passwordHash: DEMO_PASSWORD_HASH,
    active: true,
    mustChangePassword: false,
  },
  {
    id: 'u-clerk',
    username: 'clerk',
    name: '李静',
    role: 'clerk',
    sectionId: null,
    passwordHash: DEMO_PASSWORD_HASH,
    active: true,
    mustChangePassword: false,
  },
  {
    id: 'u-leader',
    username: 'leader',
    name: '赵建国',
    role: 'leader',
    sectionId: null,
    passwordHash: DEMO_PASSWORD_HASH,
    active: true,
    mustChangePassword: false,
  },
  {
    id: 'u-handler',
    username: 'handler',
    name: '王强',
    role: 'handler',
    sectionId: 'social_assistance',
    passwordHash: DEMO_PASSWORD_HASH,
    active: true,
    mustChangePassword: false,
  },
  {
    id: 'u-handler2',
    username: 'handler2',
    name: '刘洋',
    role: 'handler',
    sectionId: 'social_affairs',
    passwordHash: DEMO_PASSWORD_HASH,
    active: true,
    mustChangePassword: false,
  },
];
