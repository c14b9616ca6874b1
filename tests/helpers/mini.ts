/**
 * Small made-up gazette issues for rule tests: a table of contents, documents with a
 * title, date line, 文号 and body lines, and a colophon. Every part can be changed so a
 * test makes exactly the irregularity its rule is about.
 */
export interface MiniDoc {
  title: string;
  tocTitle?: string;
  page?: number;
  date?: string | null;
  number?: string | null;
  body?: string[];
}

export interface MiniIssue {
  category?: string;
  docs: MiniDoc[];
  /** Order of the TOC entries (indices into docs); default: the body order. */
  tocOrder?: number[];
  published?: string;
}

export function miniIssue(spec: MiniIssue): string {
  const cat = spec.category ?? '区政府文件';
  const order = spec.tocOrder ?? spec.docs.map((_, i) => i);
  const out: string[] = ['目 录', '', `【${cat}】`, ''];
  order.forEach((i, k) => {
    const d = spec.docs[i]!;
    out.push(`${k + 1}. ${d.tocTitle ?? d.title}…………… (${d.page ?? k * 2 + 1})`);
  });
  out.push('', `【${cat}】`, '');
  for (const d of spec.docs) {
    out.push(d.title, '');
    if (d.date !== null) out.push(`(${d.date ?? '2023 年 4 月 10 日'})`, '');
    if (d.number !== null && d.number !== undefined) out.push(d.number, '');
    for (const b of d.body ?? ['各街道办事处：', '', '现将有关事项通知如下。', '', '特此通知。']) out.push(b, '');
  }
  out.push(
    '某某区人民政府公报',
    '',
    '2023 年第 2 期（总第 68 期）',
    '',
    `${spec.published ?? '2023 年 7 月 25 日'}出版`,
    '',
    '主办：某某区人民政府办公室',
    '',
  );
  return out.join('\n');
}
