// Issue 16, item 9: directory walking stays linear in depth (a realpath per folder cost a
// system call per level: 15 s at depth 800), and skipped entries count in the batch summary.
import { describe, expect, it, vi, afterEach } from 'vitest';
import fs, { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandInputs } from '../src/cli/inputs.js';
import { gongbao } from './helpers/cli.js';

afterEach(() => vi.restoreAllMocks());

describe('walking a directory', () => {
  it('300 folders deep: the file is found, with one realpath for the root only (not one per folder)', () => {
    const root = mkdtempSync(join(tmpdir(), 'gongbao-deep-'));
    let p = root;
    for (let i = 0; i < 300; i++) p = join(p, 'd');
    mkdirSync(p, { recursive: true });
    writeFileSync(join(p, 'a.txt'), '关于某事的通知\n正文。\n');
    const spy = vi.spyOn(fs.realpathSync, 'native');
    const r = expandInputs([root]);
    expect(r.files).toEqual([join(p, 'a.txt')]);
    expect(r.problems).toEqual([]);
    expect(spy.mock.calls.length).toBeLessThanOrEqual(1);
  });

  it('a symbolic link inside still resolves; a loop back up is walked once', () => {
    const root = mkdtempSync(join(tmpdir(), 'gongbao-links-'));
    mkdirSync(join(root, 'a', 'b'), { recursive: true });
    writeFileSync(join(root, 'a', 'b', 'x.txt'), '正文。\n');
    symlinkSync(join(root, 'a'), join(root, 'a', 'b', 'up'));
    symlinkSync(join(root, 'a', 'b'), join(root, 'c'));
    const r = expandInputs([root]);
    expect(r.files).toEqual([join(root, 'a', 'b', 'x.txt')]);
  });
});

describe('the batch summary', () => {
  it('counts a skipped symbolic link as a file, and as failed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongbao-sum-'));
    const outside = mkdtempSync(join(tmpdir(), 'gongbao-out-'));
    writeFileSync(join(outside, 'secret.txt'), '正文。\n');
    writeFileSync(join(dir, 'a.txt'), '关于某事的通知\n正文。\n');
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'b.txt'));
    const r = gongbao(['export', dir, '--out', join(mkdtempSync(join(tmpdir(), 'gongbao-o-')), 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'b.txt')}: symbolic link out of the directory`);
    expect(r.stderr).toContain('2 files (1 failed)');
  });
});
