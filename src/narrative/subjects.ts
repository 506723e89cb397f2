/**
 * 科目 (支出功能分类) names as the narrative writes them: names from the catalogue of the report year (the
 * table's own wording when the catalogue does not know the code), joined as
 * "一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）", and the explanation used in 名词解释.
 */
import { functionalCatalogue } from '../catalogue';
import { NarrativeForm } from './types';

/** Name of a 功能分类 code in `year`: the catalogue's, else `fallback` (as written in the table). */
export function subjectName(code: string, year: number | undefined, fallback?: string): string {
  if (year !== undefined) {
    const e = functionalCatalogue().lookup(code, year).entry;
    if (e) return e.name;
  }
  return (fallback ?? '').replace(/\s+/g, '') || code;
}

/**
 * A 类 name in 类/款/项 wording. The 四川 form drops the trailing "支出" of the 类 ("一般公共服务（类）"), as
 * the published 四川 说明 do; the 上海 template keeps the catalogue name ("一般公共服务支出（类）").
 */
export function classWording(name: string, form: NarrativeForm): string {
  if (form === 'shanghai') return name;
  const short = name.replace(/支出$/, '');
  return short.length >= 2 && short !== '其他' ? short : name;
}

/** "一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）" for a 7-digit code. */
export function subjectPath(code: string, year: number | undefined, form: NarrativeForm, names: Map<string, string>): string {
  const cls = code.slice(0, 3);
  const kuan = code.slice(0, 5);
  const n = (c: string) => subjectName(c, year, names.get(c));
  if (code.length === 3) return `${classWording(n(cls), form)}（类）`;
  if (code.length === 5) return `${classWording(n(cls), form)}（类）${n(kuan)}（款）`;
  return `${classWording(n(cls), form)}（类）${n(kuan)}（款）${n(code)}（项）`;
}

/**
 * Standard explanations of common 项, after the 政府收支分类科目 explanations and the wording of published
 * 说明. Codes not here get a placeholder: the explanation is the user's to copy from the catalogue.
 */
const BY_CODE: Record<string, string> = {
  '2010308': '指各级政府用于接待群众来信来访方面的支出。',
  '2080501': '指实行归口管理的行政单位（包括实行公务员管理的事业单位）开支的离退休经费。',
  '2080502': '指实行归口管理的事业单位开支的离退休经费。',
  '2080505': '指机关事业单位实施养老保险制度由单位缴纳的基本养老保险费支出。',
  '2080506': '指机关事业单位实施养老保险制度由单位实际缴纳的职业年金支出。',
  '2080801': '指按规定用于烈士和牺牲、病故人员家属的一次性和定期抚恤金以及丧葬补助费。',
  '2101101': '指财政部门集中安排的行政单位基本医疗保险缴费经费。',
  '2101102': '指财政部门集中安排的事业单位基本医疗保险缴费经费。',
  '2101103': '指财政部门集中安排的公务员医疗补助经费。',
  '2210201': '指行政事业单位按人力资源和社会保障部、财政部规定的基本工资和津贴补贴以及规定比例为职工缴纳的住房公积金。',
  '2210202': '指行政事业单位根据国家有关规定向职工发放的提租补贴。',
  '2210203': '指行政事业单位根据国家有关规定向符合条件的职工（包括离退休人员）发放的购房补贴。',
};

/** The explanation of a 项 for 名词解释, or undefined when the project has none (the user writes it). */
export function subjectDefinition(code: string, name: string): string | undefined {
  if (BY_CODE[code]) return BY_CODE[code];
  const suffix = code.slice(5);
  if (code.length === 7 && suffix === '01' && name === '行政运行') return '指行政单位（包括实行公务员管理的事业单位）的基本支出。';
  if (code.length === 7 && suffix === '02' && name === '一般行政管理事务') {
    return '指行政单位（包括实行公务员管理的事业单位）未单独设置项级科目的其他项目支出。';
  }
  if (code.length === 7 && suffix === '03' && name === '机关服务') {
    return '指为行政单位（包括实行公务员管理的事业单位）提供后勤服务的各类后勤服务中心、医务室等附属事业单位的支出。';
  }
  if (code.length === 7 && suffix === '50' && name === '事业运行') {
    return '指事业单位的基本支出，不包括行政单位（包括实行公务员管理的事业单位）后勤服务中心、医务室等附属事业单位。';
  }
  const other = /^其他(.+?)支出$/.exec(name);
  if (other && suffix === '99') return `指除上述项目以外其他用于${other[1]}方面的支出。`;
  return undefined;
}
