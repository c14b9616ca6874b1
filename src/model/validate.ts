import * as validators from '../generated/validators.js';
import type { ValidateFunction } from '../generated/validators.js';

/**
 * Validates a record against its schema with the validator compiled at build time from
 * the zod model (see scripts/build.mjs). Throws when the data does not conform — that is
 * a bug in gongbao, never the user's input, so the message says where.
 */
export function assertValid(name: string, data: unknown): void {
  const key = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  const fn = (validators as unknown as Record<string, ValidateFunction | undefined>)[key];
  if (!fn) throw new Error(`no compiled validator for schema "${name}"`);
  if (!fn(data)) {
    const e = fn.errors?.[0];
    throw new Error(`internal error: output does not match the ${name} schema at ${e?.instancePath || '/'}: ${e?.message ?? 'invalid'}`);
  }
}
