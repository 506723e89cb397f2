import {
  Catalogue,
  CatalogueEntry,
  CLASS_NAMES,
  classCodeForName,
  economicCatalogue,
  FIRST_YEAR,
  functionalCatalogue,
  isUncertain,
  LAST_YEAR,
  normaliseCatalogueName,
  normaliseCode,
  parseUserEntries,
} from '../src/catalogue';

const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];
const fc = functionalCatalogue();
const ec = economicCatalogue();

describe('functional catalogue: real entries by year', () => {
  test.each(YEARS)('2010301 行政运行 and its parents exist in %i', (year) => {
    const m = fc.forYear(year);
    expect(m.get('2010301')?.name).toBe('行政运行');
    expect(m.get('20103')?.name).toBe('政府办公厅（室）及相关机构事务');
    expect(m.get('201')?.name).toBe('一般公共服务支出');
    expect(m.get('2010350')?.name).toBe('事业运行');
    expect(m.get('2010399')?.name).toBe('其他政府办公厅（室）及相关机构事务支出');
    expect(m.get('2010308')?.name).toBe('信访事务');
  });

  test('20805: 行政事业单位离退休 in 2020, 行政事业单位养老支出 from 2021', () => {
    expect(fc.forYear(2020).get('20805')?.name).toBe('行政事业单位离退休');
    for (const y of [2021, 2022, 2023, 2024, 2025]) expect(fc.forYear(y).get('20805')?.name).toBe('行政事业单位养老支出');
    const r = fc.lookup('20805', 2024);
    expect(r.entry?.name).toBe('行政事业单位养老支出');
    expect(r.otherYears).toEqual([
      { year: 2020, name: '行政事业单位离退休' },
      { year: 2021, name: '行政事业单位养老支出' },
      { year: 2022, name: '行政事业单位养老支出' },
      { year: 2023, name: '行政事业单位养老支出' },
      { year: 2025, name: '行政事业单位养老支出' },
    ]);
    expect(fc.nameMatches('20805', '行政事业单位离退休', 2024)).toBe('other-year-name');
    expect(fc.nameMatches('20805', '行政事业单位离退休', 2020)).toBe('match');
    expect(fc.nameMatches('20805', '行政事业单位养老支出', 2020)).toBe('other-year-name');
  });

  test.each(YEARS)('2080505 机关事业单位基本养老保险缴费支出 in %i', (year) => {
    expect(fc.forYear(year).get('2080505')?.name).toBe('机关事业单位基本养老保险缴费支出');
    expect(fc.forYear(year).get('2101101')?.name).toBe('行政单位医疗');
    expect(fc.forYear(year).get('2101102')?.name).toBe('事业单位医疗');
    expect(fc.forYear(year).get('2101103')?.name).toBe('公务员医疗补助');
    expect(fc.forYear(year).get('2210201')?.name).toBe('住房公积金');
    expect(fc.forYear(year).get('2210202')?.name).toBe('提租补贴');
    expect(fc.forYear(year).get('2210203')?.name).toBe('购房补贴');
  });

  test('2080504 未归口管理的行政单位离退休 exists in 2020 only; 2080501 renamed in 2021', () => {
    expect(fc.forYear(2020).get('2080504')?.name).toBe('未归口管理的行政单位离退休');
    expect(fc.forYear(2021).has('2080504')).toBe(false);
    expect(fc.nameMatches('2080504', '未归口管理的行政单位离退休', 2024)).toBe('other-year-name');
    expect(fc.nameMatches('2080504', '随便什么', 2024)).toBe('unknown-code');
    expect(fc.forYear(2020).get('2080501')?.name).toBe('归口管理的行政单位离退休');
    expect(fc.forYear(2021).get('2080501')?.name).toBe('行政单位离退休');
  });

  test('21305 and 2130599 are new names from 2021 (扶贫 before)', () => {
    expect(fc.forYear(2020).get('21305')?.name).toBe('扶贫');
    expect(fc.forYear(2020).get('2130599')?.name).toBe('其他扶贫支出');
    expect(fc.forYear(2021).get('2130599')?.name).toBe('其他巩固脱贫衔接乡村振兴支出');
    expect(fc.forYear(2025).get('21305')?.name).toBe('巩固脱贫衔接乡村振兴');
    expect(fc.nameMatches('2130599', '其他扶贫支出', 2022)).toBe('other-year-name');
  });

  test('类 renamed in 2019 keep their former names as other-year names', () => {
    expect(fc.forYear(2020).get('207')?.name).toBe('文化旅游体育与传媒支出');
    expect(fc.forYear(2020).get('210')?.name).toBe('卫生健康支出');
    expect(fc.forYear(2020).get('224')?.name).toBe('灾害防治及应急管理支出');
    expect(fc.nameMatches('210', '医疗卫生与计划生育支出', 2020)).toBe('other-year-name');
    expect(fc.nameMatches('2079999', '其他文化体育与传媒支出', 2021)).toBe('other-year-name');
    expect(fc.lookup('207', 2021).otherYears[0]).toEqual({ year: 2018, name: '文化体育与传媒支出' });
    // years before 2020 fall back to 2020, so a former name is never "in force"
    expect(fc.forYear(2018).get('207')?.name).toBe('文化旅游体育与传媒支出');
  });

  test('政府性基金 and 国有资本经营 项', () => {
    const m = fc.forYear(2024);
    expect(m.get('22960')?.name).toBe('彩票公益金安排的支出');
    expect(m.get('2296002')?.name).toBe('用于社会福利的彩票公益金支出');
    expect(m.get('2296003')?.name).toBe('用于体育事业的彩票公益金支出');
    expect(m.get('21208')?.name).toBe('国有土地使用权出让收入安排的支出');
    expect(m.get('2120801')?.name).toBe('征地和拆迁补偿支出');
    expect(m.get('223')?.name).toBe('国有资本经营预算支出');
    expect(m.get('22301')?.name).toBe('解决历史遗留问题及改革成本支出');
    expect(m.get('234')?.name).toBe('抗疫特别国债安排的支出');
  });

  test('doubtful transcriptions are marked', () => {
    expect(isUncertain(fc.lookup('20805', 2020).entry!)).toBe(true); // the 2020 name: rename year from memory
    expect(isUncertain(fc.lookup('2080208', 2024).entry!)).toBe(true);
    expect(isUncertain(fc.lookup('2010301', 2024).entry!)).toBe(false);
    expect(isUncertain(ec.lookup('30231', 2024).entry!)).toBe(false);
  });

  test('unknown code', () => {
    const r = fc.lookup('2019998', 2024);
    expect(r.entry).toBeUndefined();
    expect(r.otherYears).toEqual([]);
    expect(fc.nameMatches('2019998', '其他一般公共服务支出', 2024)).toBe('unknown-code');
  });

  test('name comparison tolerates brackets, spaces, line breaks, markers and quotes', () => {
    expect(fc.nameMatches('20103', '政府办公厅(室)及相关机构事务', 2024)).toBe('match');
    expect(fc.nameMatches('20103', ' 政府办公厅\n（室） 及相关机构事务（款）', 2024)).toBe('match');
    expect(fc.nameMatches('201', '一般公共服务支出(类)', 2024)).toBe('match');
    expect(fc.nameMatches('2130508', '"三西"农业建设专项补助', 2024)).toBe('match');
    expect(fc.nameMatches('2010301', '行政运行　', 2024)).toBe('match');
    expect(fc.nameMatches('2010399', '其他政府办公厅及相关机构事务支出', 2024)).toBe('mismatch');
    expect(fc.nameMatches('2010301', '事业运行', 2024)).toBe('mismatch');
    expect(normaliseCatalogueName('Ａ（１）')).toBe(normaliseCatalogueName('A(1)'));
  });

  test('codes written split or as numbers are normalised', () => {
    expect(normaliseCode('201 03 01')).toBe('2010301');
    expect(normaliseCode('2010301.0')).toBe('2010301');
    expect(fc.lookup('201 03 01', 2022).entry?.name).toBe('行政运行');
  });

  test('parent chain', () => {
    expect(fc.parent('2010301')).toBe('20103');
    expect(fc.parent('20103')).toBe('201');
    expect(fc.parent('201')).toBeUndefined();
    expect(fc.parent('20')).toBeUndefined();
    expect(fc.level('2010301')).toBe('项');
    expect(fc.level('20103')).toBe('款');
    expect(fc.level('201')).toBe('类');
  });

  test('the 2021 street-office 决算 in shared/seeds uses only codes the 2021 catalogue knows', () => {
    const seedCodes: [string, string][] = [
      ['2010301', '行政运行'],
      ['2010350', '事业运行'],
      ['2010302', '一般行政管理事务'],
      ['2010308', '信访事务'],
      ['2010505', '专项统计业务'],
      ['2012999', '其他群众团体事务支出'],
      ['2013602', '一般行政管理事务'],
      ['2070109', '群众文化'],
      ['2070199', '其他文化和旅游支出'],
      ['2079999', '其他文化旅游体育与传媒支出'],
      ['2080501', '行政单位离退休'],
      ['2080505', '机关事业单位基本养老保险缴费支出'],
      ['2080699', '其他企业改革发展补助'],
      ['2101101', '行政单位医疗'],
      ['2120199', '其他城乡社区管理事务支出'],
      ['2120399', '其他城乡社区公共设施支出'],
      ['2130299', '其他林业和草原支出'],
      ['2210201', '住房公积金'],
    ];
    for (const [code, name] of seedCodes) expect([code, fc.nameMatches(code, name, 2021)]).toEqual([code, 'match']);
  });

  test('the 类 lines of the 2024 上海 template all match the 2024 catalogue', () => {
    const lines = [
      '一、一般公共服务支出', '二、外交支出', '三、国防支出', '四、公共安全支出', '五、教育支出', '六、科学技术支出',
      '七、文化旅游体育与传媒支出', '八、社会保障和就业支出', '九、卫生健康支出', '十、节能环保支出', '十一、城乡社区支出',
      '十二、农林水支出', '十三、交通运输支出', '十四、资源勘探工业信息等支出', '十五、商业服务业等支出', '十六、金融支出',
      '十七、援助其他地区支出', '十八、自然资源海洋气象等支出', '十九、住房保障支出', '二十、粮油物资储备支出',
      '二十一、国有资本经营预算支出', '二十二、灾害防治及应急管理支出', '二十三、其他支出', '二十四、抗疫特别国债安排的支出',
    ];
    for (const line of lines) {
      const code = classCodeForName(line);
      expect(code).toBeDefined();
      expect([line, fc.nameMatches(code!, line.replace(/^[^、]+、/, ''), 2024)]).toEqual([line, 'match']);
    }
  });
});

describe('catalogue integrity', () => {
  test.each(YEARS)('every 款 and 项 of %i has its parent in the same year; counts are substantial', (year) => {
    const m = fc.forYear(year);
    for (const code of m.keys()) {
      const p = fc.parent(code);
      if (p) expect([code, m.has(p)]).toEqual([code, true]);
    }
    expect(m.size).toBeGreaterThan(1000);
  });

  test('no code has two built-in entries valid in the same year', () => {
    for (const cat of [fc, ec]) {
      const seen = new Set<string>();
      for (const e of cat.entries()) {
        for (let y = Math.max(e.from, 2018); y <= (e.to ?? LAST_YEAR); y++) {
          const k = `${e.code}@${y}`;
          expect(seen.has(k)).toBe(false);
          seen.add(k);
        }
      }
    }
  });

  test('codes are 3/5/7 digits, names are clean, sources are official', () => {
    for (const e of [...fc.entries(), ...ec.entries()]) {
      expect(e.code).toMatch(/^\d{3}(\d{2}){0,2}$/);
      expect(e.name).not.toMatch(/\s/);
      expect(e.name).not.toMatch(/[()]/);
      expect(e.source).toBe('official');
    }
  });

  test('current 类 names in classes.ts agree with the catalogue', () => {
    const m = fc.forYear(2024);
    for (const c of CLASS_NAMES) {
      if (!m.has(c.code)) continue;
      expect([c.code, m.get(c.code)!.name]).toEqual([c.code, c.names[0]]);
    }
  });
});

describe('years outside 2020–2025', () => {
  test('fall back to the nearest year and describe says so', () => {
    expect(fc.effectiveYear(2019)).toBe(FIRST_YEAR);
    expect(fc.effectiveYear(2026)).toBe(LAST_YEAR);
    expect([...fc.forYear(2019).keys()]).toEqual([...fc.forYear(2020).keys()]);
    expect([...fc.forYear(2030).keys()]).toEqual([...fc.forYear(2025).keys()]);
    expect(fc.describe(2026)).toBe(
      `内置2025年支出功能分类科目（${fc.forYear(2025).size}条；2026年不在内置的2020—2025年范围内，按最近的2025年核对）`,
    );
    expect(fc.describe(2019)).toContain('按最近的2020年核对');
  });

  test('describe inside the range', () => {
    expect(fc.describe(2021)).toBe(`内置2021年支出功能分类科目（${fc.forYear(2021).size}条）`);
    expect(ec.describe(2024)).toBe(`内置2024年部门预算支出经济分类科目（${ec.forYear(2024).size}条）`);
    expect(fc.describe()).toBe(`内置2020—2025年支出功能分类科目（${fc.entries().length}条）`);
  });
});

describe('user entries', () => {
  const rows = [
    ['本地补充科目'],
    ['科目编码', '科目名称', '年度'],
    ['2129902', '社区综合服务', ''],
    ['2010350', '事业单位运行', '2024'],
    ['2013899', '其他市场监督管理事务支出', '2023-2025'],
    ['21299O2', '错字编码', ''],
    ['2129903', '', ''],
    ['2129904', '街道自定科目', '二〇二四'],
    ['', '', ''],
    ['2129902', '社区综合服务（重报）', ''],
  ];
  const { entries, problems } = parseUserEntries(rows, '补充科目.csv');

  test('parses rows, reports problems in Chinese', () => {
    expect(entries.map((e) => [e.code, e.name, e.from, e.to])).toEqual([
      ['2129902', '社区综合服务', 0, undefined],
      ['2010350', '事业单位运行', 2024, 2024],
      ['2013899', '其他市场监督管理事务支出', 2023, 2025],
      ['2129902', '社区综合服务（重报）', 0, undefined],
    ]);
    expect(entries.every((e) => e.source === 'user:补充科目.csv')).toBe(true);
    expect(problems).toEqual([
      '补充科目.csv第6行：科目编码“21299O2”不是3、5、7或9位数字，已跳过',
      '补充科目.csv第7行：科目编码2129903没有科目名称，已跳过',
      '补充科目.csv第8行：年度“二〇二四”无法识别（应为如2024、2021-2023或留空表示各年通用），已跳过',
      '补充科目.csv第10行：科目编码2129902与第3行重复，以后出现者为准',
    ]);
  });

  test('add and override built-in entries, and are counted by describe', () => {
    const cat = fc.withUserEntries(entries);
    expect(cat.forYear(2022).get('2129902')?.name).toBe('社区综合服务（重报）');
    expect(cat.nameMatches('2129902', '社区综合服务（重报）', 2030)).toBe('match');
    expect(cat.forYear(2024).get('2010350')?.name).toBe('事业单位运行');
    expect(cat.forYear(2024).get('2010350')?.source).toBe('user:补充科目.csv');
    expect(cat.forYear(2023).get('2010350')?.name).toBe('事业运行');
    expect(cat.nameMatches('2010350', '事业运行', 2024)).toBe('other-year-name');
    expect(cat.nameMatches('2013899', '其他市场监督管理事务支出', 2024)).toBe('match');
    expect(cat.describe(2024)).toBe(`内置2024年支出功能分类科目（${fc.forYear(2024).size}条） + 用户补充4条`);
    expect(cat.describe(2022)).toBe(`内置2022年支出功能分类科目（${fc.forYear(2022).size}条） + 用户补充2条`);
    // the built-in catalogue is unchanged
    expect(fc.forYear(2024).get('2010350')?.name).toBe('事业运行');
    expect(fc.forYear(2024).has('2129902')).toBe(false);
  });

  test('rows without a header are read as 编码, 名称, 年度', () => {
    const r = parseUserEntries([['30299', '其他商品和服务支出'], ['30230', '本地费用', '2024']], 'Sheet1');
    expect(r.problems).toEqual([]);
    const cat = ec.withUserEntries(r.entries);
    expect(cat.forYear(2024).get('30230')?.name).toBe('本地费用');
    expect(cat.forYear(2023).has('30230')).toBe(false);
  });

  test('an empty sheet is a problem', () => {
    expect(parseUserEntries([], '空表').problems).toEqual(['空表：没有读到任何科目（需要“科目编码”和“科目名称”两列）']);
  });

  test('a catalogue can be built from entries alone', () => {
    const own: CatalogueEntry[] = [{ code: '201', name: '一般公共服务支出', from: 2020, source: 'official' }];
    const cat = new Catalogue('functional', own);
    expect(cat.forYear(2021).size).toBe(1);
  });
});

describe('economic catalogue', () => {
  test.each(YEARS)('三公 and common codes in %i', (year) => {
    const m = ec.forYear(year);
    expect(m.get('30231')?.name).toBe('公务用车运行维护费');
    expect(m.get('31013')?.name).toBe('公务用车购置');
    expect(m.get('30217')?.name).toBe('公务接待费');
    expect(m.get('30212')?.name).toBe('因公出国（境）费用');
    expect(m.get('30108')?.name).toBe('机关事业单位基本养老保险缴费');
    expect(m.get('309')?.name).toBe('资本性支出（基本建设）');
    expect(m.get('313')?.name).toBe('对社会保障基金补助');
  });

  test('tolerant names and parents', () => {
    expect(ec.nameMatches('30212', '因公出国(境)费用', 2024)).toBe('match');
    expect(ec.nameMatches('30213', '维修(护)费', 2024)).toBe('match');
    expect(ec.nameMatches('30212', '因公出国（境）费', 2024)).toBe('mismatch');
    expect(ec.parent('30231')).toBe('302');
    expect(ec.parent('31013')).toBe('310');
    expect(ec.nameMatches('30230', '其他费用', 2024)).toBe('unknown-code');
  });

  test('every code of the 2024 上海 template table 6 is known', () => {
    const codes = [
      '301', '30101', '30102', '30103', '30106', '30107', '30108', '30109', '30110', '30111', '30112', '30113', '30114', '30199',
      '302', '30201', '30202', '30203', '30204', '30205', '30206', '30207', '30208', '30209', '30211', '30212', '30213', '30214',
      '30215', '30216', '30217', '30218', '30224', '30225', '30226', '30227', '30228', '30229', '30231', '30239', '30240', '30299',
      '303', '30301', '30302', '30303', '30304', '30305', '30306', '30307', '30308', '30309', '30310', '30311', '30399',
      '310', '31001', '31002', '31003', '31007', '31013', '31019', '31021', '31022', '31099',
    ];
    const m = ec.forYear(2024);
    for (const c of codes) expect([c, m.has(c)]).toEqual([c, true]);
  });
});
