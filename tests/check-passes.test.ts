import { describe, expect, it } from 'vitest';
import { parseIssue } from '../src/parse.js';
import type { Anomaly } from '../src/model/anomaly.js';
import { miniIssue, type MiniDoc } from './helpers/mini.js';

/**
 * The line checks look at fewer lines or characters than they did (issue 15): these are the
 * cases those shortcuts could get wrong.
 */
const codes = (text: string, code: string): Anomaly[] => parseIssue(text).anomalies.filter((a) => a.code === code);
const doc = (n: number, body: string[]): MiniDoc => ({
  title: `某某区人民政府关于开展第${n}项工作的通知`,
  number: `某府〔2023〕${n}号`,
  body,
});

describe('DOCUMENT_REPRINTED: only documents holding a line of another are read again', () => {
  const plan = [
    '一、本方案适用于本区各街道办事处和有关部门开展的惠企利民工作。',
    '二、区城运中心负责汇总各部门报送的数据并按月通报工作进展。',
    '三、各街道办事处应当在每月五日前报送上月工作情况和有关数据。',
    '四、区政务服务中心负责做好政策兑现窗口的受理和咨询服务工作。',
    '五、区财政局负责按照有关规定及时拨付资金并做好资金监督管理。',
    '六、本方案自印发之日起施行，由区政府办公室负责解释有关条款。',
  ];
  const other = ['一、各单位要高度重视安全生产工作切实落实企业主体责任。', '二、各街道要组织开展辖区内的隐患排查整治并建立工作台账。'];
  it('a third copy is a reprint of the first; a document between them sharing nothing is none', () => {
    const text = miniIssue({ docs: [doc(1, plan), doc(2, other), doc(3, plan), doc(4, other.concat(plan))] });
    const a = codes(text, 'DOCUMENT_REPRINTED');
    expect(a.map((x) => x.documentId)).toEqual(['某府-2023-3', '某府-2023-4']);
    for (const x of a) expect(x.message).toContain('«某某区人民政府关于开展第1项工作的通知»');
  });
  it('lines of twelve Han characters or more count, whatever their punctuation; shorter ones never', () => {
    const short = plan.map((s) => s.slice(0, 12));
    expect(codes(miniIssue({ docs: [doc(1, short), doc(2, short)] }), 'DOCUMENT_REPRINTED')).toEqual([]);
    const spaced = plan.map((s) => s.replace(/，/g, ' , ').replace('、', '．'));
    expect(codes(miniIssue({ docs: [doc(1, plan), doc(2, spaced)] }), 'DOCUMENT_REPRINTED')[0]!.message).toMatch(/no line differs$/);
  });
});
