import { z } from 'zod';

/** A 1-based line in the original file: the provenance every record carries. */
export const Line = z.number().int().min(1).describe('1-based line in the original file');
