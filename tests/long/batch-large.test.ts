// --jobs with a large issue (ALONE_BYTES and more): it is worked on alone, in a worker of its
// own, and the batch gives what --jobs 1 gives. A real process: in-process runs have no workers.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gongbao } from '../helpers/cli.js';
import { sampleNumbered, sampleOver } from '../helpers/sample.js';
import { ALONE_BYTES } from '../../src/cli/pool.js';

describe('--jobs with a large issue', () => {
  it('gives the same files, counts and anomalies with --jobs 2 as with --jobs 1', () => {
    const shelf = mkdtempSync(join(tmpdir(), 'gongbao-alone-'));
    try {
      // a large issue (the sample over and over, another number each), two small ones after it
      writeFileSync(join(shelf, 'a.txt'), sampleOver(ALONE_BYTES));
      writeFileSync(join(shelf, 'b.txt'), sampleNumbered(3));
      writeFileSync(join(shelf, 'c.txt'), sampleNumbered(4));
      const run = (jobs: string) => gongbao(['validate', shelf, '--format', 'json', '--fail-on', 'never', '--jobs', jobs]);
      const one = run('1');
      const two = run('2!');
      expect([one.code, two.code]).toEqual([0, 0]);
      expect(JSON.parse(two.stdout).files).toEqual(JSON.parse(one.stdout).files);
      expect(JSON.parse(one.stdout).files).toHaveLength(3);
    } finally {
      rmSync(shelf, { recursive: true, force: true });
    }
  }, 300_000);
});
