/**
 * 名词解释. The 四川 form lists the income/expenditure terms that apply and every 功能分类 项 of the tables,
 * named as the report year's catalogue names them ("一般公共服务（类）政府办公厅（室）及相关机构事务（款）
 * 行政运行（项）"); an explanation the project does not have becomes a placeholder. The 上海 form keeps the
 * template's fixed list (事业收入 etc. always kept, their content only when the unit has such income).
 */
import type { FactKey } from '../../model/quantities';
import { subjectPath } from '../subjects';
import { catalogueDefinition } from './definitions';
import { NarrativeSection } from '../types';
import { Ctx, Para, cnNumber, section } from './common';

const THREE_PUBLIC_SICHUAN =
  '指部门用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。其中，因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务用车购置及运行维护费反映单位公务用车车辆购置支出（含车辆购置税）及租用费、燃料费、维修费、过路过桥费、保险费等支出；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。';

const RUNNING_SICHUAN =
  '指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。';

export function sichuanGlossary(c: Ctx): NarrativeSection {
  const f = c.f;
  const nonZero = (key: FactKey) => (c.fen(key) ?? 0) !== 0;
  const terms: [string, string][] = [['财政拨款收入', '指单位从同级财政部门取得的财政预算资金。']];
  if (nonZero('income.superiorSubsidy')) terms.push(['上级补助收入', '指事业单位从主管部门和上级单位取得的非财政补助收入。']);
  if (nonZero('income.business')) terms.push(['事业收入', '指事业单位开展专业业务活动及辅助活动取得的收入。']);
  if (nonZero('income.operating')) terms.push(['经营收入', '指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。']);
  if (nonZero('income.affiliated')) terms.push(['附属单位上缴收入', '指事业单位附属的独立核算单位按有关规定上缴的收入。']);
  if (nonZero('income.other')) terms.push(['其他收入', '指单位取得的除上述收入以外的各项收入。']);
  if (nonZero('income.useNonFiscalBalance')) {
    terms.push(['使用非财政拨款结余', '指事业单位使用以前年度积累的非财政拨款结余弥补当年收支差额的金额。']);
  }
  terms.push(['年初结转和结余', '指以前年度尚未完成、结转到本年按有关规定继续使用的资金。']);
  if (nonZero('expenditure.surplusDistribution')) {
    terms.push(['结余分配', '指事业单位按照会计制度规定缴纳的所得税、提取的专用结余以及转入非财政拨款结余的金额等。']);
  }
  terms.push(['年末结转和结余', '指单位按有关规定结转到下年或以后年度继续使用的资金。']);

  const paragraphs: Para[] = [];
  let n = 0;
  const add = (key: string, name: string, def: string | undefined, placeholderLabel?: string) => {
    const p = new Para(key).t(`${++n}.${name}：`);
    if (def) p.t(def);
    else p.ph(placeholderLabel ?? `${name}的解释`).t('。');
    paragraphs.push(p);
  };
  for (const [name, def] of terms) add(`glossary.${name}`, name, def);
  const names = new Map(Object.entries(f.names));
  for (const code of f.lists.subjects) {
    const path = subjectPath(code, f.year, 'sichuan', names);
    add(`glossary.${code}`, path, catalogueDefinition(code, f.year, f.names[code] ?? ''), `${code} ${f.names[code] ?? ''}科目的解释`);
  }
  add('glossary.基本支出', '基本支出', '指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。');
  add('glossary.项目支出', '项目支出', '指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。');
  if (nonZero('expenditure.remit')) add('glossary.上缴上级支出', '上缴上级支出', '指事业单位按照财政部门和主管部门的规定上缴上级单位的支出。');
  if (nonZero('expenditure.operating')) {
    add('glossary.经营支出', '经营支出', '指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动发生的支出。');
  }
  if (nonZero('expenditure.subsidy')) add('glossary.对附属单位补助支出', '对附属单位补助支出', '指事业单位发生的用非财政预算资金对附属单位的补助支出。');
  add('glossary.三公', '“三公”经费', THREE_PUBLIC_SICHUAN);
  add('glossary.机关运行经费', '机关运行经费', RUNNING_SICHUAN);
  return section('glossary', '名词解释', 1, paragraphs);
}

export function shanghaiGlossary(c: Ctx): NarrativeSection {
  const nonZero = (key: FactKey) => (c.fen(key) ?? 0) !== 0;
  const paragraphs: Para[] = [];
  let n = 0;
  const add = (key: string, name: string, def: string, content?: { income: FactKey; supKey: string }) => {
    const p = new Para(key).t(`${cnNumber(++n)}、${name}：${def}`);
    if (content && nonZero(content.income)) {
      p.t('主要是：');
      c.userText(p, content.supKey, `${name}主要是哪些收入`).t('等。');
    }
    paragraphs.push(p);
  };
  add('glossary.财政拨款收入', '财政拨款收入', '指单位本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。');
  add('glossary.事业收入', '事业收入', '指事业单位开展专业业务活动及其辅助活动取得的收入。', { income: 'income.business', supKey: 'content.business' });
  add('glossary.经营收入', '经营收入', '指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。', {
    income: 'income.operating',
    supKey: 'content.operating',
  });
  add('glossary.其他收入', '其他收入', '指单位取得的除“财政拨款收入”、“事业收入”、“经营收入”等以外的收入。', {
    income: 'income.other',
    supKey: 'content.other',
  });
  add('glossary.年初结转和结余', '年初结转和结余', '指以前年度尚未完成、结转到本年按有关规定继续使用的资金。');
  add('glossary.年末结转和结余', '年末结转和结余', '指本年度或以前年度预算安排、因客观条件发生变化无法按原计划实施，需延迟到以后年度按有关规定继续使用的资金。');
  add('glossary.基本支出', '基本支出', '指单位为保障机构正常运转、完成日常工作任务而发生的各项支出。');
  add('glossary.项目支出', '项目支出', '指单位为完成特定的行政工作任务或事业发展目标，在基本支出之外发生的各项支出。');
  add('glossary.经营支出', '经营支出', '指事业单位在专业活动及辅助活动之外开展非独立核算经营活动发生的支出。');
  add(
    'glossary.三公',
    '“三公”经费',
    '指单位使用本级财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。其中：因公出国（境）费反映单位参加国际合作交流、重大项目洽谈、境外培训研修等的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务接待费反映全国性专业会议、国家重大政策调研、专项检查以及外事团组接待交流等执行公务或开展业务所需住宿费、交通费、伙食费等支出；公务用车购置及运行维护费反映编制内公务车辆的报废更新，以及用于安排市内因公出差、公务文件交换、日常工作开展等所需公务用车燃料费、维修费、过路过桥费、保险费等支出。',
  );
  add('glossary.机关运行经费', '机关运行经费', '指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。');
  return section('glossary', '名词解释', 1, paragraphs);
}
