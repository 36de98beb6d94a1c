/**
 * Passwords and session tokens, for both backends. Passwords: salted PBKDF2-HMAC-SHA256 through
 * WebCrypto (600,000 iterations, OWASP's figure for it) by default — what the mock in the browser
 * can do; the server plugs in argon2id (`setPasswordHasher`, server/passwords.ts) and still
 * verifies PBKDF2 hashes made before (the demo seed's), upgrading them at the next sign-in.
 * Session tokens: 32 random bytes; only their SHA-256 is stored.
 */

export interface PasswordHasher {
  /** The stored form of a new password. */
  hash(password: string): Promise<string>;
  /** Whether `password` matches `stored` (a form this hasher made). */
  verify(stored: string, password: string): Promise<boolean>;
  /** Whether `stored` is one of this hasher's forms. */
  owns(stored: string): boolean;
}

const ITERATIONS = 600_000;
const enc = new TextEncoder();
const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function pbkdf2(password: string, salt: Uint8Array, iterations: number) {
  const key = await crypto.subtle.importKey('raw', enc.encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  return new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
      key,
      256,
    ),
  );
}

/** Compares without an early exit on the first differing byte. */
function sameBytes(a: Uint8Array, b: Uint8Array) {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i]! ^ b[i]!;
  return d === 0;
}

/** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>` */
export const pbkdf2Hasher: PasswordHasher = {
  async hash(password) {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    return `pbkdf2-sha256$${ITERATIONS}$${b64(salt)}$${b64(await pbkdf2(password, salt, ITERATIONS))}`;
  },
  async verify(stored, password) {
    const [kind, it, salt, hash] = stored.split('$');
    const iterations = Number(it);
    if (kind !== 'pbkdf2-sha256' || !salt || !hash || !Number.isInteger(iterations)) return false;
    if (iterations < 100_000 || iterations > 10_000_000) return false;
    return sameBytes(await pbkdf2(password, unb64(salt), iterations), unb64(hash));
  },
  owns: (stored) => stored.startsWith('pbkdf2-sha256$'),
};

let preferred: PasswordHasher = pbkdf2Hasher;

/** The server's choice (argon2id); PBKDF2 hashes made before stay verifiable. */
export function setPasswordHasher(h: PasswordHasher) {
  preferred = h;
}

export const hashPassword = (password: string) => preferred.hash(password);

/**
 * Whether `password` matches `stored`, and whether the stored form should be replaced by the
 * preferred hasher's (`rehash`). An unknown form never matches.
 */
export async function verifyPassword(
  stored: string,
  password: string,
): Promise<{ ok: boolean; rehash: boolean }> {
  const h = [preferred, pbkdf2Hasher].find((x) => x.owns(stored));
  if (!h) return { ok: false, rehash: false };
  const ok = await h.verify(stored, password);
  return { ok, rehash: ok && h !== preferred };
}

/**
 * A hash to verify against when the user does not exist, so an unknown username costs the same
 * time as a wrong password (made once, of a random password nobody knows).
 */
let decoy: Promise<string> | null = null;
export const decoyHash = () =>
  (decoy ??= hashPassword(b64(crypto.getRandomValues(new Uint8Array(24)))));

// --- Session tokens -----------------------------------------------------------------------------

/** A new session token: 32 random bytes, base64url. Given to the client once; never stored. */
export function newToken(): string {
  return b64(crypto.getRandomValues(new Uint8Array(32)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** A token's SHA-256, hex: through WebCrypto (the browser), or the server's own (`setTokenDigest`). */
let sha256Hex = async (text: string): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-256', enc.encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
};

/**
 * The server's SHA-256 (node:crypto, in the request's own thread: WebCrypto's digest is a job
 * on the thread pool, about 0.7 ms of waiting on every request).
 */
export function setTokenDigest(fn: (text: string) => Promise<string>) {
  sha256Hex = fn;
}

/** What is stored for a token: its SHA-256, hex. */
export const tokenId = (token: string): Promise<string> => sha256Hex(token);

/** Minimum length of a new password; it must not contain the username either. */
export const MIN_PASSWORD_LENGTH = 10;

/** Letters and digits that cannot be misread on a screen or over the phone (no 0/O, 1/l/I). */
const TEMPORARY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/**
 * A one-time password for a new account or a reset: 12 characters (about 70 bits), shown once to
 * the administrator; the user must replace it at the first sign-in. Rejection sampling keeps every
 * character equally likely.
 */
export function temporaryPassword(length = 12): string {
  const limit = 256 - (256 % TEMPORARY_ALPHABET.length);
  let out = '';
  for (let round = 0; round < 8 && out.length < length; round++)
    for (const b of crypto.getRandomValues(new Uint8Array(length * 2)))
      if (b < limit && out.length < length)
        out += TEMPORARY_ALPHABET[b % TEMPORARY_ALPHABET.length];
  return out;
}
