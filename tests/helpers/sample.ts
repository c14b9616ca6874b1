import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SAMPLE_PATH = fileURLToPath(new URL('../../samples/changning-2023-02.txt', import.meta.url));
export const SAMPLE = readFileSync(SAMPLE_PATH, 'utf8');
export const SAMPLE_BYTES = readFileSync(SAMPLE_PATH);
export const BIN = fileURLToPath(new URL('../../bin/gongbao', import.meta.url));

/** The sample as issue number `n` (第 n 期 in its colophon). */
export function sampleNumbered(n: number): string {
  return SAMPLE.replace(/第\s*2\s*期/, `第 ${n} 期`);
}

/** Copies of the sample run together (issues 30, 31 …), more than `bytes` bytes in all: one large issue file. */
export function sampleOver(bytes: number): string {
  const copies = Math.ceil(bytes / Buffer.byteLength(SAMPLE)) + 1;
  return Array.from({ length: copies }, (_, i) => sampleNumbered(i + 30)).join('\n');
}

/**
 * The sample with another district, another year and other 文号 serials: generic rules
 * must find exactly the same structure in it.
 */
export function changedNamesVariant(text: string = SAMPLE): string {
  return text
    .replace(/([〔(（]\s*)2023(\s*[〕)）]\s*)(\d+)/g, (_, a: string, b: string, n: string) => `${a}2023${b}${Number(n) + 100}`)
    .replaceAll('长宁', '静安')
    .replaceAll('长府', '静府')
    .replaceAll('长发改', '静发改')
    .replaceAll('2023', '2024')
    .replaceAll('二〇二三', '二〇二四');
}

/**
 * The sample's path, then the fixtures of the given folders under tests/fixtures (`real`:
 * its .txt texts; `readers`: the converter forms of the sample; `printed`: pdftotext prints),
 * as paths relative to the repository, for tests that run a rule over every real text.
 */
export function realTexts(...folders: Array<'real' | 'readers' | 'printed'>): string[] {
  const files = ['samples/changning-2023-02.txt'];
  for (const folder of folders) {
    for (const f of readdirSync(`tests/fixtures/${folder}`)) {
      if (folder !== 'real' || f.endsWith('.txt')) files.push(`tests/fixtures/${folder}/${f}`);
    }
  }
  return files;
}
