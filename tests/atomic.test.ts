// Output files: written through a temporary file renamed into place, except where the
// target is a device or a pipe, which must be written to and never replaced.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTempFiles, writeFileAtomic } from '../src/write/atomic.js';
import { OutputError } from '../src/write/errors.js';
import { gongbaoIn } from './helpers/cli.js';
import { SAMPLE_PATH } from './helpers/sample.js';

const dir = () => mkdtempSync(join(tmpdir(), 'gongbao-atomic-'));

describe('writeFileAtomic', () => {
  it('writes a new file and refuses to replace one without force', async () => {
    const d = dir();
    const f = join(d, 'a.txt');
    writeFileAtomic(f, 'one');
    expect(() => writeFileAtomic(f, 'two')).toThrow(/exists; use --force/);
    writeFileAtomic(f, ['t', 'wo'], true);
    expect(readFileSync(f, 'utf8')).toBe('two');
  });

  it('refuses to write over a folder (an I/O failure, exit 3), even with force', async () => {
    const d = dir();
    mkdirSync(join(d, 'sub'));
    const err = (() => {
      try {
        writeFileAtomic(join(d, 'sub'), 'x', true);
      } catch (e) {
        return e as OutputError;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(OutputError);
    expect(err!.exitCode).toBe(3);
    expect(err!.message).toMatch(/a folder is where the file must go/);
    expect(statSync(join(d, 'sub')).isDirectory()).toBe(true);
  });

  it('writes into a named pipe instead of replacing it (the same rule keeps /dev/null a device)', async () => {
    const d = dir();
    const fifo = join(d, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const out = join(d, 'got.txt');
    const reader = spawn('sh', ['-c', `cat "${fifo}" > "${out}"`]);
    const done = new Promise((resolve) => reader.on('exit', resolve));
    writeFileAtomic(fifo, 'through the pipe', true);
    await done;
    expect(readFileSync(out, 'utf8')).toBe('through the pipe');
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('gongbao parse / validate / extract -o a folder: a usage error that says so (exit 2), with or without --force', async () => {
    const d = dir();
    for (const cmd of [['parse'], ['validate'], ['extract', 'documents']]) {
      for (const force of [[], ['--force']]) {
        const r = await gongbaoIn([...cmd, SAMPLE_PATH, '-o', d, ...force]);
        expect(r.code, cmd.join(' ')).toBe(2);
        expect(r.stderr).toMatch(/is a folder; -o takes a file name/);
      }
    }
    writeFileSync(join(d, 'keep'), '');
    expect(statSync(d).isDirectory()).toBe(true);
  });
});

describe('writeFileAtomic: text encoded into one reused buffer', () => {
  // The encoder's buffer holds 128 KiB: text longer than that goes through in parts, and a
  // part must never end inside a character (a 3-byte character or a surrogate pair across
  // the buffer's end). Lone surrogates become U+FFFD, as Buffer.from writes them.
  const cases: [string, string][] = [
    ['empty', ''],
    ['ASCII, 300 000 characters', 'a'.repeat(300_000)],
    ['Chinese, 100 000 characters (300 000 bytes)', '公报'.repeat(50_000)],
    ['one ASCII byte before 3-byte characters: the buffer ends inside one', `x${'号'.repeat(60_000)}`],
    ["surrogate pairs across the buffer's end", `${'ab'.repeat(32_767)}x${'𠀋'.repeat(40_000)}`],
    ['lone surrogates', `a\ud800b\udc00c${'\ud83d'.repeat(3)}`],
  ];
  for (const [name, text] of cases)
    it(`${name}: the same bytes as Buffer.from, as one string and as pieces`, () => {
      const d = dir();
      writeFileAtomic(join(d, 'whole.txt'), text);
      writeFileAtomic(join(d, 'pieces.txt'), [text.slice(0, 70_001), text.slice(70_001)]);
      const want = Buffer.from(text, 'utf8');
      expect(readFileSync(join(d, 'whole.txt')).equals(want)).toBe(true);
      expect(
        readFileSync(join(d, 'pieces.txt')).equals(Buffer.concat([Buffer.from(text.slice(0, 70_001)), Buffer.from(text.slice(70_001))])),
      ).toBe(true);
      rmSync(d, { recursive: true, force: true });
    });
});

describe('removeTempFiles', () => {
  it("removes one thread's temporary files of this process in a folder and those under it, nothing else", () => {
    const root = mkdtempSync(join(tmpdir(), 'gongbao-temps-'));
    mkdirSync(join(root, 'docs'));
    const names = [
      `.issue.json.${process.pid}.3.1.tmp`, // thread 3: goes
      `docs/.01-x.md.${process.pid}.3.17.tmp`, // thread 3, in a subfolder: goes
      `.issue.json.${process.pid}.4.2.tmp`, // another thread: stays
      `.issue.json.${process.pid + 1}.3.1.tmp`, // another process: stays
      `issue.json`, // a file: stays
      `docs/.01-x.md.${process.pid}.3.tmp`, // not a temporary file's name: stays
    ];
    for (const n of names) writeFileSync(join(root, n), 'x');
    removeTempFiles(root, 3);
    removeTempFiles(join(root, 'missing'), 3); // a folder never made: nothing to do
    expect(names.filter((n) => existsSync(join(root, n)))).toEqual(names.slice(2));
    rmSync(root, { recursive: true, force: true });
  });
});
