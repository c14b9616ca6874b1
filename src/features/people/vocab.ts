/**
 * The word lists of the people extractor, in one place. They are generic Chinese
 * administrative vocabulary, never names or places of a particular issue.
 */

/** Compound (two-character) surnames: a name starting with one has 3–4 characters. */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '皇甫', '司马', '上官', '诸葛', '东方', '尉迟', '公孙', '令狐', '长孙', '慕容', '宇文', '司徒', '夏侯',
  '端木', '独孤', '南宫', '西门', '百里', '呼延', '轩辕', '澹台', '公冶', '宗政', '濮阳', '淳于', '单于', '太叔',
  '申屠', '万俟', '闻人', '赫连', '钟离', '拓跋', '司空', '东郭', '左丘', '第五', '谷梁', '闾丘', '亓官', '公羊',
];
export const COMPOUND_SURNAME_SET: ReadonlySet<string> = new Set(COMPOUND_SURNAMES);

/**
 * Post titles that end a position (局长, 副主任 …). Matching takes the longest title at the
 * end of a position, so 副总经理 wins over 总经理 and 经理.
 */
const BASE_TITLES = [
  '局长', '主任', '校长', '院长', '所长', '镇长', '乡长', '区长', '县长', '市长', '省长', '部长', '处长', '科长', '股长',
  '站长', '馆长', '厅长', '司长', '署长', '社长', '台长', '行长', '会长', '理事长', '秘书长', '团长', '队长', '大队长',
  '支队长', '中队长', '总队长', '组长', '园长', '经理', '总经理', '董事长', '监事长', '总裁', '总监', '主席',
  '委员', '主委', '书记', '调研员', '巡视员', '督学', '审判员', '检察员', '检察长', '庭长', '政委', '教导员', '指导员',
  '主编', '总编辑', '参事', '专员', '干事', '会计师', '总会计师', '总工程师', '总经济师', '总审计师', '总规划师',
  '总师', '常委', '主管', '监察员', '特派员', '参谋长', '秘书', '总编', '馆员',
];
const PREFIXED = (prefixes: readonly string[], words: readonly string[]) => prefixes.flatMap((p) => words.map((w) => p + w));
const LEVELS = ['一级', '二级', '三级', '四级'];

export const POST_TITLES: readonly string[] = [
  ...BASE_TITLES,
  ...PREFIXED(['副', '常务副', '执行', '常务', '名誉', '代', '第一'], BASE_TITLES),
  ...PREFIXED(LEVELS, ['调研员', '主任科员', '巡视员', '高级主办', '主办', '高级主管', '主管']),
  '主任科员', '副主任科员', '科员', '办事员', '党组书记', '党委书记', '党工委书记', '纪委书记', '纪工委书记',
  '党组副书记', '党委副书记', '党工委副书记', '党组成员', '党委委员', '党工委委员', '党组织书记',
];
export const POST_TITLE_SET: ReadonlySet<string> = new Set(POST_TITLES);
export const MAX_TITLE_LENGTH = POST_TITLES.reduce((m, t) => Math.max(m, t.length), 0);

/**
 * Words that make a trailing parenthesis a qualifier of the appointment rather than part
 * of the organisation's name (试用期满, 挂职期一年, 兼, 六级管理岗位 …).
 */
export const QUALIFIER_WORDS: readonly string[] = [
  '试用期', '挂职', '兼', '管理岗位', '专业技术岗位', '岗位', '职级', '级别', '待遇', '任期', '聘期', '聘任', '聘用',
  '正处', '副处', '正科', '副科', '正局', '副局', '保留', '主持工作', '期满', '职员', '代理',
];

/** Words of a list header that give the action of its records. */
export const APPOINT_WORDS: readonly string[] = ['任命', '任职', '聘任', '聘用', '提名'];
export const REMOVE_WORDS: readonly string[] = ['免去', '免职', '解聘', '撤销职务'];

/** Roles of roster members, as written before a colon (组 长：…). */
export const ROLES: readonly string[] = [
  '组长', '副组长', '常务副组长', '执行副组长', '第一组长', '召集人', '副召集人', '总召集人', '主任', '副主任',
  '常务副主任', '执行副主任', '成员', '委员', '副主任委员', '主任委员', '秘书长', '副秘书长', '办公室主任',
  '办公室副主任', '办公室常务副主任', '总指挥', '副总指挥', '指挥长', '副指挥长', '常务副指挥长', '主席', '副主席',
  '顾问', '联络员', '组员', '牵头人', '负责人', '第一召集人',
];
export const ROLE_SET: ReadonlySet<string> = new Set(ROLES);

/** Kinds of bodies a roster belongs to, at the end of the body's name. */
export const BODY_WORDS: readonly string[] = [
  '领导小组', '工作小组', '小组', '联席会议', '委员会', '指挥部', '工作组', '工作专班', '专班', '协调小组',
  '推进小组', '议事协调机构', '理事会', '督导组', '评审组', '办公室',
];

/** Verbs in a title that set up or change a body (关于建立 X 的通知). */
export const BODY_VERBS: readonly string[] = [
  '调整充实', '充实调整', '调整完善', '调整优化', '成立', '建立', '组建', '设立', '调整', '充实', '更新', '明确', '重组',
];

/** Starts of a position: a name never takes these characters (张 三 区… not 张三区). */
export const POSITION_STARTS: readonly string[] = [
  '区', '市', '县', '省', '镇', '乡', '街道', '中共', '中国', '国家', '全国', '共青团', '团', '党',
];

/** Endings of organisations and places that no personal name has (甲街道, 某某局). */
export const ORG_SUFFIXES: readonly string[] = [
  '街道', '办事处', '委员会', '中心', '公司', '集团', '局', '县', '省', '厅', '学校', '医院', '政府', '单位', '合计', '小计',
];
