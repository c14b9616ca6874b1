/**
 * What each check of a parcel verifies, in one place: the zod model describes
 * `Parcel.checks` with these texts and parcels.csv describes its check_* columns with them.
 * A plain module (no zod), so writers on the parse path can read it.
 */
export const PARCEL_CHECK_TEXT = {
  numbering: 'Point numbers run on without a gap (J1, J2 … or 1, 2 …)',
  duplicates: 'No point name or coordinate pair twice (a last row repeating the first closes the ring)',
  arcs: 'Each arc has a start, middle and end point on a circle; its stated radius within 1 % (and 0.5 m) of that circle',
  area: 'Area (arcs as true arcs) within 1 % (and 1 m²) of the area the text states for the parcel',
  selfIntersections: 'Polygon does not cross itself',
} as const;

export type ParcelCheckName = keyof typeof PARCEL_CHECK_TEXT;
