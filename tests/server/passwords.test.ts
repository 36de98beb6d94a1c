/**
 * The server's passwords (issue 16): argon2id for every password it sets, and the demo seed's
 * PBKDF2 hashes still verified — and upgraded at the first sign-in.
 */
import { describe, expect, it } from 'vitest';
import { argon2Hasher, sha256Hex } from '../../server/passwords';
import {
  newToken,
  pbkdf2Hasher,
  setPasswordHasher,
  tokenId,
  verifyPassword,
} from '../../server/domain/passwords';
import { DEMO_PASSWORD_HASH } from '../../mocks/seed/users';

describe('argon2id on the server', () => {
  it('hashes with a salt of its own, in the argon2id form, and verifies', async () => {
    const a = await argon2Hasher.hash('Correct horse 42');
    const b = await argon2Hasher.hash('Correct horse 42');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await argon2Hasher.verify(a, 'Correct horse 42')).toBe(true);
    expect(await argon2Hasher.verify(a, 'correct horse 42')).toBe(false);
    expect(await argon2Hasher.verify('$argon2id$garbage', 'x')).toBe(false);
  });

  it('with argon2id preferred, a PBKDF2 hash verifies and asks to be replaced; an argon2id one does not', async () => {
    setPasswordHasher(argon2Hasher);
    try {
      expect(await verifyPassword(DEMO_PASSWORD_HASH, 'demo123')).toEqual({
        ok: true,
        rehash: true,
      });
      expect(await verifyPassword(DEMO_PASSWORD_HASH, 'demo124')).toEqual({
        ok: false,
        rehash: false,
      });
      const fresh = await argon2Hasher.hash('demo123');
      expect(await verifyPassword(fresh, 'demo123')).toEqual({ ok: true, rehash: false });
    } finally {
      setPasswordHasher(pbkdf2Hasher);
    }
  });
});

describe("a session token's stored id on the server", () => {
  it("is the same SHA-256 as the browser's WebCrypto one (a session made by either is found by both)", async () => {
    const webCrypto = async (t: string) =>
      Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(t))).toString(
        'hex',
      );
    for (const t of [newToken(), newToken(), 'abc', '', '长治']) {
      expect(await sha256Hex(t)).toBe(await webCrypto(t));
      expect(await tokenId(t)).toBe(await webCrypto(t)); // whichever digest is plugged in
    }
    // The known vector: SHA-256("abc").
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
