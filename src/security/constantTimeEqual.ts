/**
 * @module security/constantTimeEqual
 * Equality for secrets (passwords, shared secrets) that takes the same time
 * whatever the inputs. Hashing first gives both sides the same length, so
 * neither the content nor the length of the secret leaks.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

export function constantTimeEqual(a: string, b: string): boolean {
  return timingSafeEqual(sha256(a), sha256(b));
}
