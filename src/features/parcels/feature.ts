import type { Feature } from '../../core/feature.js';
import { gridsFromTables } from '../sluices/grid.js';
import { PARCELS_CSV, PARCEL_POINTS_CSV } from './csv.js';
import { parcelFiles } from './export.js';
import { extractParcels } from './index.js';

/** Parcels: tables of boundary points other than sluice stake tables, with geometry (arcs as arcs) and checks. */
export const parcels: Feature<'parcels' | 'parcelPoints'> = {
  name: 'parcels',
  provides: ['parcels', 'parcelPoints'],
  uses: ['tables'],
  extract: (ctx) =>
    extractParcels(
      gridsFromTables(ctx.records.tables ?? []),
      ctx.src.lines,
      ctx.structure.documents.map((d) => ({ id: d.id, startLine: d.span.startLine, endLine: d.span.endLine })),
    ),
  files: parcelFiles,
  kinds: [
    {
      name: 'parcels',
      description:
        'parcels: tables of boundary points (界址点) other than sluices, with coordinate system, stated and computed area (arcs as arcs), checks',
      records: (issue) => issue.parcels,
      csv: PARCELS_CSV,
    },
    {
      name: 'parcel-points',
      description: 'boundary points (界址点) of the parcels with X/Y plane coordinates and arc roles',
      records: (issue) => issue.parcelPoints,
      csv: PARCEL_POINTS_CSV,
    },
  ],
  schemas: async () => {
    const m = await import('../../model/parcel.js');
    return { parcel: m.Parcel, 'parcel-point': m.ParcelPoint };
  },
};
