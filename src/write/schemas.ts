/**
 * Every record type gongbao outputs, by the name `gongbao schema NAME` takes and under
 * which schemas/NAME.schema.json is generated (npm run schemas): the structure's, each
 * feature's (src/features/index.ts), the validation report. Loads zod: never on the parse path.
 */
import type { z } from 'zod';
import { FEATURES } from '../features/index.js';
import { CORE_SCHEMAS, REPORT_SCHEMAS, toJsonSchema } from '../model/registry.js';

export async function schemas(): Promise<Record<string, z.ZodType>> {
  const all: Record<string, z.ZodType> = { ...CORE_SCHEMAS };
  for (const f of FEATURES) Object.assign(all, await f.schemas());
  return Object.assign(all, REPORT_SCHEMAS);
}

/** JSON Schema (draft 2020-12) of a registered record type. */
export async function jsonSchema(name: string): Promise<Record<string, unknown>> {
  const schema = (await schemas())[name];
  if (!schema) throw new Error(`unknown schema ${name}`);
  return toJsonSchema(name, schema);
}
