import type { Feature } from '../../core/feature.js';
import { SLUICES_CSV, SLUICE_POINTS_CSV } from './csv.js';
import { sluiceFiles } from './export.js';
import { extractSluices, gridsFromTables } from './index.js';

/** Sluices: summary rows joined with their boundary sections of stakes, geometry and checks. */
export const sluices: Feature<'sluices' | 'points'> = {
  name: 'sluices',
  provides: ['sluices', 'points'],
  uses: ['tables'],
  extract: (ctx) => extractSluices(gridsFromTables(ctx.records.tables ?? []), ctx.src.lines),
  files: sluiceFiles,
  kinds: [
    {
      name: 'sluices',
      description: 'sluices: summary figures per bank, boundary section, computed area/perimeter, check results',
      records: (issue) => issue.sluices,
      csv: SLUICES_CSV,
    },
    {
      name: 'points',
      description: 'boundary stakes (界址点) of the sluices with Y/X plane coordinates',
      records: (issue) => issue.points,
      csv: SLUICE_POINTS_CSV,
    },
  ],
  schemas: async () => {
    const m = await import('../../model/sluice.js');
    return { sluice: m.Sluice, 'sluice-point': m.SluicePoint };
  },
};
