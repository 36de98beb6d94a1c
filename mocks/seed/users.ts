import type { UserRecord } from '../db';

/** Not a security boundary: the mock only compares demo passwords. */
export function hashPassword(pw: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < pw.length; i++) {
    h ^= pw.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `fnv1a:${h.toString(16)}`;
}

export const DEMO_PASSWORD = 'demo123';

export const DEMO_USERS: UserRecord[] = [
  {
    id: 'u-admin',
    username: 'admin',
    name: '系统管理员',
    role: 'admin',
    sectionId: 'office',
    passwordHash: hashPassword(DEMO_PASSWORD),
  },
  {
    id: 'u-clerk',
    username: 'clerk',
    name: '李静',
    role: 'clerk',
    sectionId: 'office',
    passwordHash: hashPassword(DEMO_PASSWORD),
  },
  {
    id: 'u-leader',
    username: 'leader',
    name: '赵建国',
    role: 'leader',
    sectionId: null,
    passwordHash: hashPassword(DEMO_PASSWORD),
  },
  {
    id: 'u-handler',
    username: 'handler',
    name: '王强',
    role: 'handler',
    sectionId: 'social_assistance',
    passwordHash: hashPassword(DEMO_PASSWORD),
  },
  {
    id: 'u-handler2',
    username: 'handler2',
    name: '刘洋',
    role: 'handler',
    sectionId: 'social_affairs',
    passwordHash: hashPassword(DEMO_PASSWORD),
  },
];
