import { parseSource, type ParseOptions } from './parse.js';
import type { Issue } from './model/issue.js';
import { buildExport, type ExportOptions } from './write/export.js';
import { checkOutDir, writeFiles } from './write/folder.js';

export interface ExportIssueOptions extends ParseOptions, Omit<ExportOptions, 'lines'> {
  /** Write into a non-empty folder, replacing files of the same name. */
  force?: boolean;
}

/**
 * Parses an issue (text or bytes) and writes its export folder, as `gongbao export` does.
 * Refuses a non-empty folder without `force`; every file is written through a temporary
 * file renamed into place. Resolves to the issue and the paths written.
 */
export async function exportIssue(input: string | Uint8Array, dir: string, options: ExportIssueOptions = {}): Promise<{ issue: Issue; files: string[] }> {
  checkOutDir(dir, options.force);
  const { issue, lines } = parseSource(input, options);
  const files = await buildExport(issue, { ...options, lines });
  return { issue, files: writeFiles(dir, files) };
}
