/** Application-made ids and timestamps (portable: no engine defaults). */
import { randomUUID } from 'node:crypto';

export function newId(): string {
  return randomUUID();
}

/** The current instant as ISO text; tests may pass their own clock. */
export function nowIso(clock: () => Date = () => new Date()): string {
  return clock().toISOString();
}
