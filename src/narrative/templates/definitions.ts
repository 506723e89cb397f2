/**
 * 名词解释 of 功能分类 项 that the 政府收支分类科目 knows: the explanation of the curated list (subjects.ts),
 * else one written from the catalogue's own names (项 within its 款), so that every standard 科目 the tables
 * use is explained. Only codes the catalogue does not know (local 科目) are left to the user.
 */
import { functionalCatalogue, LAST_YEAR } from '../../catalogue';
import { subjectDefinition } from '../subjects';

/** A few more 项 whose catalogue explanation is not the plain "用于…方面的支出" reading of the name. */
const MORE: Record<string, string> = {
  '2010505': '指开展专项统计调查、统计执法检查、统计资料开发等专项统计业务的支出。',
  '2010507': '指开展人口普查、经济普查、农业普查等周期性专项普查活动的支出。',
  '2070109': '指用于组织开展群众文化活动方面的支出。',
  '2080208': '指用于基层政权建设和社区治理方面的支出。',
  '2130705': '指对村民委员会和村党支部的补助支出。',
  '2296002': '指用于社会福利事业的彩票公益金支出。',
  '2296003': '指用于体育事业的彩票公益金支出。',
  '2120501': '指用于城乡社区道路清扫、垃圾清运与处理、公厕建设与维护等城乡社区环境卫生方面的支出。',
};

/** The explanation of a 项, or undefined when the catalogue does not know the code (a local 科目). */
export function catalogueDefinition(code: string, year: number | undefined, name: string): string | undefined {
  const own = subjectDefinition(code, name) ?? MORE[code];
  if (own) return own;
  if (code.length !== 7) return undefined;
  const cat = functionalCatalogue();
  const y = year ?? LAST_YEAR;
  const entry = cat.lookup(code, y).entry;
  if (!entry) return undefined;
  const kuan = cat.lookup(code.slice(0, 5), y).entry?.name;
  const n = entry.name;
  if (/支出$/.test(n)) return `指${n.startsWith('用于') ? '' : '用于'}${n.replace(/支出$/, '')}方面的支出。`.replace('指用于用于', '指用于');
  return kuan ? `指${kuan}中用于${n}方面的支出。` : `指用于${n}方面的支出。`;
}
