import type { Issue } from '../model/issue.js';
import { STDIN_NAME } from '../read/errors.js';
import type { ExportFile } from '../model/export.js';
import type { TableSpec } from '../model/export.js';

/** A name Frictionless accepts: lowercase letters, digits, -, _ and . only. */
export function packageName(issue: Issue): string {
  const m = issue.masthead;
  if (m.year !== null && m.issue !== null) return `gazette-${m.year}-${String(m.issue).padStart(2, '0')}`;
  const name = issue.source.name;
  const base = (name !== null && name !== STDIN_NAME ? name : 'gazette')
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[^.]*$/, '');
  const ascii = base
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii || 'gazette';
}

function resourceOf(spec: TableSpec): Record<string, unknown> {
  const schema: Record<string, unknown> = { fields: spec.fields, missingValues: [''] };
  if (spec.primaryKey) schema.primaryKey = spec.primaryKey;
  if (spec.foreignKeys?.length) {
    // A reference to the resource itself is written with an empty resource name.
    schema.foreignKeys = spec.foreignKeys.map((fk) => ({
      fields: fk.fields,
      reference: { resource: fk.reference.resource === spec.name ? '' : fk.reference.resource, fields: fk.reference.fields },
    }));
  }
  return {
    name: spec.name,
    path: spec.path,
    profile: 'tabular-data-resource',
    title: spec.title,
    description: spec.description,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    schema,
  };
}

const OTHER: Record<string, { format: string; mediatype: string }> = {
  json: { format: 'json', mediatype: 'application/json' },
  geojson: { format: 'geojson', mediatype: 'application/geo+json' },
  svg: { format: 'svg', mediatype: 'image/svg+xml' },
  md: { format: 'md', mediatype: 'text/markdown' },
  html: { format: 'html', mediatype: 'text/html' },
};

/**
 * datapackage.json (Frictionless Data Package): every CSV of the export with its Table
 * Schema (field types, descriptions, primary and foreign keys), and the other data files.
 * Deterministic: `created` only when a stamp is given.
 */
export function dataPackage(issue: Issue, files: readonly ExportFile[], stamp?: string): ExportFile {
  const resources: Record<string, unknown>[] = [];
  for (const f of files) {
    if (f.resource) {
      resources.push(resourceOf(f.resource));
      continue;
    }
    const ext = f.path.split('.').pop()!.toLowerCase();
    const kind = OTHER[ext];
    if (!kind || f.path.startsWith('docs/') || f.path.startsWith('plots/') || ext === 'html') continue;
    const name = f.path.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
    resources.push({ name, path: f.path, profile: 'data-resource', ...kind, encoding: 'utf-8' });
  }
  const m = issue.masthead;
  const pkg: Record<string, unknown> = {
    profile: 'data-package',
    name: packageName(issue),
    title:
      [m.title, m.year !== null && m.issue !== null ? `${m.year}年第${m.issue}期` : null].filter(Boolean).join(' ') ||
      (issue.source.name !== null && issue.source.name !== STDIN_NAME ? issue.source.name : 'gazette issue'),
    description: 'Structured data extracted from one gazette issue by gongbao',
    ...(stamp ? { created: stamp } : {}),
    resources,
  };
  return { path: 'datapackage.json', data: JSON.stringify(pkg, null, 2) + '\n' };
}
