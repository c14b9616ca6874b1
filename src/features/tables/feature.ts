import type { Feature } from '../../core/feature.js';
import { map } from '../../model/result.js';
import { TABLES_INDEX_CSV, tableFiles } from './csv.js';
import { extractTables } from './index.js';

/** Tables: every pipe table of the issue, fragments merged across page breaks, cells cleaned and typed. */
export const tables: Feature<'tables'> = {
  name: 'tables',
  provides: ['tables'],
  uses: [],
  extract: (ctx) => map(extractTables(ctx.src, ctx.structure.documents, ctx.blocks), (tables) => ({ tables })),
  files: async (issue) => tableFiles(issue.tables),
  kinds: [
    {
      name: 'tables',
      description: 'logical tables: fragments merged across page breaks, headers read, cells cleaned and typed',
      records: (issue) => issue.tables,
      csv: TABLES_INDEX_CSV,
    },
  ],
  schemas: async () => {
    const m = await import('../../model/table.js');
    return { table: m.Table };
  },
};
