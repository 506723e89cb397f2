/**
 * Table titles: which standard table (T1…T9) or extra table a title cell names.
 *
 * Titles come with prefixes ("攀枝花市西区玉泉街道办事处2021年度", "表1", "公开01表") and suffixes
 * ("（公开01表）"). We strip those and match the LONGEST known title that ends the text, so that
 * "财政拨款收入支出决算总表" is T4 and not T1, and "政府性基金预算财政拨款“三公”经费支出决算表" (an extra
 * 四川 table) is never taken for T7.
 */
import { TableId } from '../model/types';
import { norm } from './grid';

export interface TitleDef {
  /** T1…T9, or undefined for an extra table (recognised so it is never confused with the nine). */
  id?: TableId;
  /** Normalised title (see norm: no spaces or quotes). */
  title: string;
}

const STANDARD: [TableId, string[]][] = [
  ['T1', ['收入支出决算总表', '部门收支决算总表', '收支决算总表', '部门收入支出决算总表', '收入支出决算表', '收支决算表']],
  ['T2', ['收入决算表', '部门收入决算表']],
  ['T3', ['支出决算表', '部门支出决算表']],
  ['T4', ['财政拨款收入支出决算总表', '财政拨款收支决算总表', '财政拨款收入支出决算表', '财政拨款收支决算表']],
  ['T5', ['一般公共预算财政拨款支出决算表', '一般公共预算财政拨款支出决算表（按功能分类）']],
  ['T6', ['一般公共预算财政拨款基本支出决算表', '一般公共预算财政拨款基本支出决算表（按经济分类）']],
  [
    'T7',
    [
      '财政拨款三公经费支出决算表',
      '一般公共预算财政拨款三公经费支出决算表',
      '三公经费支出决算表',
      '财政拨款三公经费支出决算情况表',
      '一般公共预算财政拨款三公经费支出决算情况表',
    ],
  ],
  ['T8', ['政府性基金预算财政拨款收入支出决算表', '政府性基金预算财政拨款支出决算表']],
  ['T9', ['国有资本经营预算财政拨款支出决算表', '国有资本经营预算财政拨款收入支出决算表']],
];

/** Extra tables published by some provinces (四川 publishes up to 13) or departments. */
const EXTRA: string[] = [
  '财政拨款支出决算明细表',
  '财政拨款支出决算表',
  '一般公共预算财政拨款支出决算明细表',
  '一般公共预算财政拨款项目支出决算表',
  '一般公共预算财政拨款基本支出决算明细表',
  '项目支出决算表',
  '项目支出决算明细表',
  '基本支出决算表',
  '基本支出决算明细表',
  '政府性基金预算财政拨款三公经费支出决算表',
  '政府性基金预算财政拨款支出决算明细表',
  '政府性基金预算财政拨款基本支出决算表',
  '国有资本经营预算财政拨款支出决算明细表',
  '机关运行经费支出决算表',
  '机关运行经费支出情况表',
  '政府采购情况表',
  '政府采购支出决算表',
  '国有资产占有使用情况表',
  '部门决算相关信息统计表',
  '财政专户管理资金收入支出决算表',
  '一般公共预算财政拨款支出决算表（按经济分类）',
  '项目支出绩效自评表',
];

export const TITLE_DEFS: TitleDef[] = [
  ...STANDARD.flatMap(([id, titles]) => titles.map((t) => ({ id, title: norm(t) }))),
  ...EXTRA.map((t) => ({ title: norm(t) })),
].sort((a, b) => b.title.length - a.title.length);

export interface TitleMatch {
  id?: TableId;
  /** The matched standard or extra title (normalised). */
  title: string;
  /** What stood before the title (unit name, year, "表1" …), normalised. */
  prefix: string;
}

/** Words that, right before a short title, make it a different table ("基本支出决算表" is not T3). */
const QUALIFIERS = /(基本|项目|拨款|预算|经费|资金|明细|专户|经营|基金|采购|三公)$/;

/**
 * Match a cell's text against the known titles. Returns undefined when the text is not a table title
 * (too long, a note, a sentence).
 */
export function matchTitle(text: string): TitleMatch | undefined {
  let t = norm(text);
  if (t.length < 4 || t.length > 80) return undefined;
  if (/^(注|说明|备注)[:：]/.test(t) || /[。；;]/.test(t)) return undefined;
  // Strip trailing parentheticals and table numbers: "（公开01表）", "(表一)", "表1".
  for (let i = 0; i < 3; i++) {
    const before = t;
    t = t.replace(/（[^（）]*）$/, '').replace(/[（(]?(公开)?\d{1,2}表[）)]?$/, '').replace(/单位:.*$/, '');
    if (t === before) break;
  }
  // The "（按功能分类）" forms were stripped above; match on the remaining text.
  for (const def of TITLE_DEFS) {
    if (!t.endsWith(def.title)) continue;
    const prefix = t.slice(0, t.length - def.title.length);
    if (def.id && def.title.length <= 6 && QUALIFIERS.test(prefix)) {
      // A short standard title with a qualifier before it: an unknown extra table, not the standard one.
      return { title: t, prefix };
    }
    return { id: def.id, title: def.title, prefix };
  }
  // Any other "…决算表 / …明细表 / …情况表" heading is an extra table: it still ends the table above it.
  if (/(决算表|决算总表|明细表|情况表)$/.test(t) && t.length <= 40) return { title: t, prefix: '' };
  return undefined;
}

/** Year mentioned in a title prefix or a header line ("2021年度", "2021年", "二〇二一年度", "２０２１年"). */
export function yearIn(text: string): number | undefined {
  const m = /((?:19|20)\d{2})\s*年/.exec(arabicYears(text));
  return m ? parseInt(m[1], 10) : undefined;
}

const CHINESE_DIGIT: Record<string, string> = { 〇: '0', 零: '0', '○': '0', Ｏ: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/**
 * Years written in Chinese numerals or full-width digits, as official documents often do ("二〇二一年度",
 * "２０２１年"), rewritten in ASCII digits so that every year pattern reads them. Only four digits before 年.
 */
export function arabicYears(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/([〇零○Ｏ一二三四五六七八九]{4})(?=\s*年)/g, (y: string) => [...y].map((ch) => CHINESE_DIGIT[ch]).join(''));
}

/**
 * The unit name in a title prefix: "攀枝花市西区玉泉街道办事处2021年度" → "攀枝花市西区玉泉街道办事处".
 * Table numbering and generic words are not names.
 */
export function unitNameInPrefix(prefix: string): string | undefined {
  let p = stripNameLabels(arabicYears(prefix).replace(/((?:19|20)\d{2})年度?/g, ''));
  p = p.replace(/部门决算$/, '').replace(/(部门|单位)$/, (m) => (p.length > 4 ? m : ''));
  p = stripNameLabels(p);
  if (p.length < 3 || /^(部门|单位|本部门|本单位)$/.test(p)) return undefined;
  return p;
}

/**
 * Section headings and labels glued before (or after) a unit name are not part of it:
 * "第二部分上海市普陀区财政局" → "上海市普陀区财政局"; also "附件1", "附表2", "公开01表", "表1", "一、",
 * "编制单位：", "填报单位：", "单位名称：", "部门名称：", "部门：", a trailing "（公开01表）" or "单位：万元".
 */
const LEADING_LABEL =
  /^(?:第[一二三四五六七八九十百\d]+(?:部分|章|节|篇)|附件[\d一二三四五六七八九十]*|附表[\d一二三四五六七八九十]*|(?:公开)?\d{1,2}表|表[\d一二三四五六七八九十]+|[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．]|(?:编制|填报|预算|决算)?单位(?:名称)?[:：]|部门(?:名称)?[:：])[\s:：、.．\-—]*/;
const TRAILING_LABEL = /(?:[（(](?:公开)?\d{1,2}表[）)]|(?:金额)?单位[:：]\s*(?:万元|元)|[\s:：、\-—]+)$/;

export function stripNameLabels(text: string): string {
  let t = text.replace(/\s+/g, '');
  for (let i = 0; i < 6; i++) {
    const before = t;
    t = t.replace(LEADING_LABEL, '').replace(TRAILING_LABEL, '');
    if (t === before) break;
  }
  return t;
}
