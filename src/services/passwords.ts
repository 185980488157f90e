/**
 * Password hashing with argon2id (@node-rs/argon2, off the event loop). Passwords are normalised
 * to NFC first: Vietnamese input arrives composed or decomposed depending on the keyboard and
 * system (STACK.md), and "mật khẩu" must match itself either way.
 */
import { type Algorithm, hash, verify } from '@node-rs/argon2';

// Algorithm is an ambient const enum (unusable under isolatedModules); 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/** The form a password is hashed and verified in. */
export function normalisePassword(password: string): string {
  return password.normalize('NFC');
}

/** Hashes a password with argon2id; returns the PHC string to store. */
export async function hashPassword(password: string): Promise<string> {
  return hash(normalisePassword(password), { algorithm: ARGON2ID });
}

/** True when the password matches the stored hash; a malformed hash is a mismatch, not a crash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, normalisePassword(password));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against a throw-away hash and answers false: called when the user does not exist, so
 * a wrong name takes as long as a wrong password and the timing does not tell them apart.
 */
export async function verifyNobody(password: string): Promise<false> {
  dummyHash ??= hashPassword('xeploai: không có tài khoản này');
  await verifyPassword(await dummyHash, password);
  return false;
}
