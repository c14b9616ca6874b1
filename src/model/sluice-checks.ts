/**
 * What each check of a sluice verifies, in one place: the zod model describes
 * `Sluice.checks` with these texts and the sluices CSV describes its check_* columns with
 * them. A plain module (no zod), so writers on the parse path can read it.
 */
export const SLUICE_CHECK_TEXT = {
  join: 'Summary row and boundary section both present',
  name: 'Same name in summary and section heading',
  order: 'Section at the place (number) of its summary row',
  stakes: '序号 continuous from 1, stake number = 序号, no stake twice',
  duplicates: 'No coordinate pair twice in the sluice or shared with another sluice',
  outliers: 'No stake far from the rest',
  shorelineSum: 'Left + right shoreline length = total',
  areaSum: 'Land areas + water area = total area',
  area: 'Polygon area within 1 % (and 1 m²) of the stated total area',
  boundaryLength: 'Polygon perimeter within 1 % (and 0.5 m) of the stated boundary line length',
  selfIntersections: 'Polygon does not cross itself',
} as const;

export type SluiceCheckName = keyof typeof SLUICE_CHECK_TEXT;
