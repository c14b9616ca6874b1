/**
 * Which document a cited title (`《…》` in the text, the title a policy interpretation
 * names) means, looked up in indexes of the documents' title keys rather than by comparing
 * it with every document: a citation costs the same in an issue of 50 documents and in an
 * archive of 5000 run together.
 */
import type { Document } from '../model/issue.js';
import { tally } from '../model/work.js';

/** The match keys (read/text.ts matchKey) of one document that a citation may name. */
export interface DocKeys {
  doc: Document;
  /** Its title. */
  title: string;
  /** The titles in 《》 inside its title (the plan a 通知 issues). */
  inner: string[];
  /** Its attachments' titles. */
  attachments: string[];
}

/** Titles shorter than this are not matched by their end. */
const SUFFIX_MIN = 8;
/**
 * Titles longer than this are not matched by their end either: every end of a title is a key
 * of the index (a copy-free slice, but a map entry each), and a "title" that long is a line
 * of text that lost its breaks (a 50 MB line made 50 million entries, 2.3 GB). Real titles
 * have tens of characters.
 */
export const SUFFIX_MAX = 500;

/**
 * Per key, the first two documents (in document order) it leads to: one may be the citing
 * document itself, which never cites itself, so two are all a lookup needs.
 */
class FirstTwo {
  readonly map = new Map<string, number[]>();
  add(key: string, i: number): void {
    const list = this.map.get(key);
    if (list === undefined) this.map.set(key, [i]);
    else if (list.length < 2 && list[list.length - 1] !== i) list.push(i);
  }
  /** The first document of `key` that is not `self`, or -1. */
  first(key: string, self: number): number {
    const list = this.map.get(key);
    if (list === undefined) return -1;
    return list[0] !== self ? list[0]! : (list[1] ?? -1);
  }
}

/**
 * The document a title names, by how closely: its whole title (best), a 《title》 inside
 * its title, an attachment's title, or the end of its title (a cited title without the
 * issuer's prefix, 8 characters or more, of a title of at most SUFFIX_MAX); the earliest
 * document among equals; never the citing document itself.
 */
export class TitleIndex {
  private readonly docs: Document[];
  private readonly order = new Map<Document, number>();
  private readonly title = new FirstTwo();
  private readonly inner = new FirstTwo();
  private readonly attachment = new FirstTwo();
  private readonly suffix = new FirstTwo();

  constructor(keys: readonly DocKeys[]) {
    this.docs = keys.map((k) => k.doc);
    keys.forEach((k, i) => {
      this.order.set(k.doc, i);
      this.title.add(k.title, i);
      for (const t of k.inner) this.inner.add(t, i);
      for (const t of k.attachments) this.attachment.add(t, i);
      const ends = k.title.length <= SUFFIX_MAX ? Math.max(0, k.title.length - SUFFIX_MIN + 1) : 0;
      for (let at = 0; at < ends; at++) this.suffix.add(k.title.slice(at), i);
      tally('titleIndex', 1 + k.inner.length + k.attachments.length + ends);
    });
  }

  /** The id of the document `key` (a matchKey) names, or null. */
  target(key: string, self: Document | null): string | null {
    tally('titleTarget', 1);
    const me = self === null ? -1 : (this.order.get(self) ?? -1);
    let i = this.title.first(key, me);
    if (i < 0) i = this.inner.first(key, me);
    if (i < 0) {
      const a = this.attachment.first(key, me);
      const s = key.length >= SUFFIX_MIN ? this.suffix.first(key, me) : -1;
      i = a < 0 ? s : s < 0 ? a : Math.min(a, s);
    }
    return i < 0 ? null : this.docs[i]!.id;
  }
}
