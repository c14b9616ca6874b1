/**
 * Every record family of gongbao, in the order of their files in the export folder. The
 * parse runs them in the order their `uses` allow; the export, `gongbao extract KIND`, the
 * schemas and scripts/stages.ts all read this one list. Adding a record family: one model
 * file, one folder with its Feature, one line here (docs/architecture.md).
 */
import type { AnyFeature } from '../core/feature.js';
import { people } from './people/feature.js';
import { tables } from './tables/feature.js';
import { sluices } from './sluices/feature.js';
import { parcels } from './parcels/feature.js';

export const FEATURES: readonly AnyFeature[] = [people, tables, sluices, parcels];
