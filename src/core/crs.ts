/**
 * What a GIS needs to place plane coordinates: the legacy GeoJSON `crs` member (GeoJSON 2008,
 * §3.1, dropped by RFC 7946 but still read by GDAL/OGR, QGIS and others) naming the system.
 * Without a definition of the system, it is an engineering (local) CRS in metres, east and
 * north, as OGC WKT 1 `LOCAL_CS`: GDAL then reports the layer's SRS as that local system (not
 * WGS 84), writes it to a Shapefile's .prj and keeps it in a GeoPackage. With a definition
 * (a proj4 string or WKT given by the user), the member carries it, so a GIS can reproject.
 */

/** WKT 1 quotes a `"` inside a name by doubling it. */
const wktName = (s: string): string => s.replace(/"/g, '""');

/** OGC WKT 1 of a local plane system in metres, axes east then north ([Y, X] as printed). */
export function localCrsWkt(name: string): string {
  const n = wktName(name);
  return `LOCAL_CS["${n}",LOCAL_DATUM["${n}",0],UNIT["metre",1],AXIS["Easting",EAST],AXIS["Northing",NORTH]]`;
}

/** The GeoJSON `crs` member: the given definition, else the local system named `name`. */
export function geoJsonCrs(name: string, definition?: string): { type: 'name'; properties: { name: string } } {
  return { type: 'name', properties: { name: definition ?? localCrsWkt(name) } };
}
