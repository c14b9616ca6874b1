import { accessSync, constants, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep, isAbsolute } from 'node:path';

/** File name endings read when a directory is given. */
export const TEXT_EXTENSIONS = ['.txt', '.text', '.md'];

export interface Expanded {
  /** Files to read, in a stable order (arguments in order; inside a directory or glob, sorted). */
  files: string[];
  /** Paths that were skipped, with the reason (unreadable, symlink out of the directory, no match). */
  problems: { path: string; message: string }[];
}

export interface ExpandOptions {
  /** Follow symbolic links that lead out of the directory being read. */
  followSymlinks?: boolean;
}

const hasGlob = (s: string): boolean => /[*?[]/.test(s);

/** A glob (`*`, `?`, `**`, `[abc]`) as an anchored regular expression over `/`-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += glob[i + 2] === '/' ? '(?:[^/]*/)*' : '.*';
        i += glob[i + 2] === '/' ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function readable(path: string): string | null {
  try {
    accessSync(path, constants.R_OK);
    return null;
  } catch (err) {
    return `cannot read: ${(err as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (err as Error).message}`;
  }
}

/**
 * Walks a directory: files in sorted order, symlinks out of `root` skipped unless allowed.
 * `realDir` is the directory's real path: a child's is that plus its name unless it is a
 * symbolic link (realpath of every folder cost a system call per level: quadratic in depth).
 */
function walk(
  dir: string,
  root: string,
  opts: ExpandOptions,
  out: Expanded,
  accept: (path: string) => boolean,
  seen: Set<string>,
  realDir: string = root,
): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (err) {
    out.problems.push({ path: dir, message: `cannot read directory: ${(err as Error).message}` });
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    let st;
    try {
      st = lstatSync(path);
    } catch (err) {
      out.problems.push({ path, message: (err as Error).message });
      continue;
    }
    let real = join(realDir, name);
    if (st.isSymbolicLink()) {
      try {
        real = realpathSync.native(path);
      } catch {
        out.problems.push({ path, message: 'broken symbolic link' });
        continue;
      }
      const inside = real === root || real.startsWith(root + sep);
      if (!inside && !opts.followSymlinks) {
        out.problems.push({ path, message: 'symbolic link out of the directory (use --follow-symlinks)' });
        continue;
      }
      if (seen.has(real)) continue;
      try {
        st = statSync(path);
      } catch (err) {
        out.problems.push({ path, message: (err as Error).message });
        continue;
      }
    }
    if (st.isDirectory()) {
      if (seen.has(real)) continue;
      seen.add(real);
      walk(path, root, opts, out, accept, seen, real);
    } else if (st.isFile() && accept(path)) {
      const problem = readable(path);
      if (problem) out.problems.push({ path, message: problem });
      else out.files.push(path);
    } else if (!st.isFile() && accept(path)) {
      // A FIFO, socket or device inside a folder could block the batch or never end: named, skipped.
      const kind = st.isFIFO()
        ? 'a FIFO'
        : st.isSocket()
          ? 'a socket'
          : st.isCharacterDevice() || st.isBlockDevice()
            ? 'a device'
            : 'not a regular file';
      out.problems.push({ path, message: `skipped: ${kind}, not a regular file (name it on its own to read it)` });
    }
  }
}

/**
 * Expands command-line inputs: files as given, `-` for stdin, directories (their text files,
 * recursively), and globs (for shells that don't expand them). Unreadable files and
 * symlinks out of a directory are reported in `problems` and skipped.
 */
export function expandInputs(args: readonly string[], opts: ExpandOptions = {}): Expanded {
  const out: Expanded = { files: [], problems: [] };
  for (const arg of args) {
    if (arg === '-') {
      out.files.push(arg);
      continue;
    }
    if (hasGlob(arg)) {
      const norm = arg.split(sep).join('/');
      const parts = norm.split('/');
      const fixed: string[] = [];
      while (parts.length > 1 && !hasGlob(parts[0]!)) fixed.push(parts.shift()!);
      const base = fixed.length ? fixed.join('/') || '/' : '.';
      const re = globToRegExp(parts.join('/'));
      const before = out.files.length;
      let root: string;
      try {
        root = realpathSync.native(base);
      } catch {
        out.problems.push({ path: arg, message: 'no file matches' });
        continue;
      }
      walk(base, root, opts, out, (p) => re.test(relative(base, p).split(sep).join('/')), new Set([root]));
      if (out.files.length === before) out.problems.push({ path: arg, message: 'no file matches' });
      continue;
    }
    let st;
    try {
      st = statSync(arg);
    } catch {
      out.problems.push({ path: arg, message: 'cannot read: no such file or directory' });
      continue;
    }
    if (st.isDirectory()) {
      const root = realpathSync.native(arg);
      const before = out.files.length;
      walk(arg, root, opts, out, (p) => TEXT_EXTENSIONS.some((e) => p.toLowerCase().endsWith(e)), new Set([root]));
      if (out.files.length === before) out.problems.push({ path: arg, message: `no ${TEXT_EXTENSIONS.join('/')} files in the directory` });
    } else {
      const problem = readable(arg);
      if (problem) out.problems.push({ path: arg, message: problem });
      else out.files.push(arg);
    }
  }
  // The same file named twice (by a directory and a glob, say) is read once.
  const seen = new Set<string>();
  out.files = out.files.filter((f) => {
    const key = f === '-' ? f : isAbsolute(f) ? f : resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return out;
}
