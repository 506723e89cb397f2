/**
 * Accounts specifications for the generated layouts: the seeds' figures, the large fixture, and seeded
 * random accounts (a random 类/款/项 tree of a year's catalogue, amounts exact in 分 or in a coarser grain,
 * every total consistent). All of them go through test/fixtures/builder/derive.ts, which is unit-agnostic
 * integer arithmetic: `fenPerUnit` says what one of its units is in 分.
 */
import { functionalCatalogue, isUncertain } from '../../src/catalogue';
import { Derived, derive } from '../fixtures/builder/derive';
import { CLASSES_2020, CLASSES_SHANGHAI, CLASSES_SICHUAN } from '../fixtures/builder/lines';
import { ECONOMIC } from '../fixtures/specs/catalogue';
import { SEED_SPECS, large } from '../fixtures/specs';
import { AccountsSpec, ItemSpec } from '../fixtures/specs/types';
import { Prng } from './prng';

export interface GenAccounts {
  /** Where the figures come from: "seed:yuquan2021", "large", "random:17". */
  label: string;
  d: Derived;
  /** 分 per unit of d.values: 10000 for specs in hundredths of 万元, 1 for random specs in 分. */
  fenPerUnit: number;
  /** The finest step (in 分) the exact figures use: a layout must not show them finer than they are. */
  grain: number;
  /** 类 lines of the 总表 form that can hold these accounts. */
  classForm: string[];
}

/** An exact figure of the accounts, in 分. */
export function fenOf(g: GenAccounts, key: string): number {
  return (g.d.values[key] ?? 0) * g.fenPerUnit;
}

function formFor(d: Derived): string[] {
  const used = [...d.t1Classes, ...d.t4Classes];
  for (const f of [CLASSES_SHANGHAI, CLASSES_SICHUAN, CLASSES_2020]) if (used.every((c) => f.includes(c))) return f;
  throw new Error(`${d.spec.id}: no 总表 form holds its 类`);
}

let seedCache: GenAccounts[] | undefined;
let largeCache: GenAccounts | undefined;

/** The three seeds' figures (hundredths of 万元, some published 尾差 kept as overrides). */
export function seedAccounts(): GenAccounts[] {
  return (seedCache ??= SEED_SPECS.map((s) => {
    const d = derive(s);
    return { label: `seed:${s.id}`, d, fenPerUnit: 10000, grain: 10000, classForm: formFor(d) };
  }));
}

/** The large fixture: 600+ 项 of 19 类 (slow to render: used a few times only). */
export function largeAccounts(): GenAccounts {
  if (!largeCache) {
    const d = derive(large);
    largeCache = { label: 'large', d, fenPerUnit: 10000, grain: 10000, classForm: formFor(d) };
  }
  return largeCache;
}

/** 分 → '1234.56' (derive reads it as 123456 units, i.e. 分). */
function yuanStr(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

const UNIT_NAMES = [
  '上海市普陀区人民政府万里街道办事处',
  '上海市某区社会福利院',
  '某市某区城市管理综合执法局',
  '某县教育局',
  '上海市某区卫生健康委员会',
  '某区文化旅游局（本级）',
  '某街道社区事务受理服务中心',
];

/** The 经济分类 codes of "三公" spending (X-T6三公≤T7), and where their money goes when a unit has no 三公 spending. */
const THREE_PUBLIC_CODES: [code: string, into: string][] = [
  ['30212', '30299'],
  ['30217', '30299'],
  ['30231', '30299'],
  ['31013', '31099'],
];

/**
 * Random accounts of one year: 2–30 项 of that year's catalogue (certain entries only, 类 on the 上海 总表
 * form), fiscal and non-fiscal money, sometimes 政府性基金/国有资本经营 money, carry-overs that make
 * both 总表 balance, 基本支出 spread over 经济分类 items, "三公" at least what table 6 shows (none of its 三公
 * codes when the unit has no "三公" spending).
 * `grain` is the step of every exact amount in 分: 1 (分), 100 (whole 元) or 10000 (0.01 万元).
 */
export function randomAccounts(seed: number, grain: 1 | 100 | 10000): GenAccounts {
  const rng = new Prng(seed * 7919 + 13);
  const year = rng.int(2021, 2025);
  const cat = functionalCatalogue().forYear(year);
  const pool = [...cat.values()].filter(
    (e) =>
      e.code.length === 7 &&
      !isUncertain(e) &&
      CLASSES_SHANGHAI.includes(e.code.slice(0, 3)) &&
      cat.has(e.code.slice(0, 5)) &&
      cat.has(e.code.slice(0, 3)) &&
      !isUncertain(cat.get(e.code.slice(0, 5))!),
  );
  // Amount in 分, a multiple of grain, skewed to small values: 100 元 … hi 元.
  const amount = (hiYuan: number) => {
    const u = rng.next();
    const fen = Math.round((100 + u * u * u * hiYuan) * 100);
    return Math.max(grain, Math.round(fen / grain) * grain);
  };
  const nItems = rng.pick([2, 3, 5, 8, 12, 20, 30]);
  const chosen = rng.sample(pool, nItems);
  const items: ItemSpec[] = [];
  let generalIncome = 0;
  let generalExp = 0;
  let basicTotal = 0;
  let nonFiscalIncome = 0;
  let nonFiscalExp = 0;
  let anyGov = false;
  let anyCapital = false;
  for (const e of chosen) {
    const it: ItemSpec = { code: e.code, name: e.name };
    if (rng.bool(0.85)) {
      const basic = rng.bool(0.6) ? amount(3_000_000) : 0;
      const project = rng.bool(0.5) || basic === 0 ? amount(2_000_000) : 0;
      let income = basic + project;
      if (rng.bool(0.15)) income = Math.max(0, income - amount(50_000));
      it.general = { basic: yuanStr(basic), project: yuanStr(project), income: yuanStr(income) };
      generalIncome += income;
      generalExp += basic + project;
      basicTotal += basic;
    }
    const fund = (p: number) => {
      if (!rng.bool(p)) return undefined;
      const opening = rng.bool(0.4) ? amount(500_000) : 0;
      const income = amount(1_000_000);
      const basic = rng.bool(0.3) ? Math.min(income, amount(300_000)) : 0;
      const project = rng.bool(0.8) ? Math.min(income + opening - basic, amount(900_000)) : 0;
      return { opening: yuanStr(opening), income: yuanStr(income), basic: yuanStr(basic), project: yuanStr(project) };
    };
    it.gov = fund(0.08);
    it.capital = fund(0.04);
    anyGov ||= !!it.gov;
    anyCapital ||= !!it.capital;
    if (rng.bool(0.2) || (!it.general && !it.gov && !it.capital)) {
      const career = rng.bool(0.5) ? amount(800_000) : 0;
      const other = rng.bool(0.5) || career === 0 ? amount(200_000) : 0;
      const upper = rng.bool(0.1) ? amount(100_000) : 0;
      const inc = career + other + upper;
      const basic = rng.bool(0.5) ? Math.min(inc, amount(500_000)) : 0;
      const project = Math.max(0, inc - basic - (rng.bool(0.3) ? Math.min(inc - basic, amount(20_000)) : 0));
      it.other = {
        careerIncome: yuanStr(career),
        otherIncome: yuanStr(other),
        upperIncome: yuanStr(upper),
        basic: yuanStr(basic),
        project: yuanStr(project),
      };
      nonFiscalIncome += inc;
      nonFiscalExp += basic + project;
    }
    items.push(it);
  }
  // Carry-overs that make both 总表 balance with non-negative closing balances.
  const generalOpening = (rng.bool(0.5) ? amount(300_000) : 0) + Math.max(0, generalExp - generalIncome);
  const generalClosing = generalOpening + generalIncome - generalExp;
  const use = rng.bool(0.15) ? amount(50_000) : 0;
  const distribution = rng.bool(0.1) ? amount(30_000) : 0;
  const nonFiscalOpening = (rng.bool(0.4) ? amount(200_000) : 0) + Math.max(0, nonFiscalExp + distribution - nonFiscalIncome - use);
  const nonFiscalClosing = nonFiscalOpening + use + nonFiscalIncome - nonFiscalExp - distribution;

  // 基本支出 over 经济分类 items of 301/302/303/310 (the 上海 form), exact.
  const econPool = ECONOMIC.filter((x) => x.code.length === 5 && /^(301|302|303|310)/.test(x.code)).map((x) => x.code);
  const econ = new Map<string, number>();
  if (basicTotal > 0) {
    const must = ['30101', '30201', '30212', '30217', '30231'].filter(() => rng.bool(0.5));
    const picked = [...new Set([...must, ...rng.sample(econPool, rng.int(1, 12))])];
    const units = basicTotal / grain;
    const weights = picked.map(() => rng.next() + 0.05);
    const wsum = weights.reduce((a, b) => a + b, 0);
    let left = units;
    picked.forEach((c, i) => {
      const share = i === picked.length - 1 ? left : Math.min(left, Math.floor((units * weights[i]) / wsum));
      left -= share;
      econ.set(c, (econ.get(c) ?? 0) + share * grain);
    });
  }
  // Table 6 shows the 基本支出 part of each "三公" item: the 三公 table (all 财政拨款) holds at least that.
  const share = (code: string) => {
    const v = econ.get(code) ?? 0;
    return v + (rng.bool(0.5) ? amount(30_000) : 0);
  };
  const empty3 = rng.bool(0.25);
  if (empty3) {
    // No "三公" spending at all: table 6 (一般公共预算财政拨款, part of what the 三公 table counts) then has none of
    // its 三公 codes either — that money was other 商品和服务 / 资本性 spending (no draw here, so other seeds keep
    // their accounts).
    for (const [code, into] of THREE_PUBLIC_CODES) {
      const v = econ.get(code);
      if (!v) continue;
      econ.delete(code);
      econ.set(into, (econ.get(into) ?? 0) + v);
    }
  }
  const actual = empty3
    ? { abroad: 0, vehiclePurchase: 0, vehicleRunning: 0, reception: 0 }
    : { abroad: share('30212'), vehiclePurchase: share('31013'), vehicleRunning: share('30231'), reception: share('30217') };
  const budgetOf = (v: number) => (empty3 ? 0 : v + (rng.bool(0.5) ? amount(20_000) : 0));
  const spec: AccountsSpec = {
    id: `random${seed}`,
    unitName: rng.pick(UNIT_NAMES),
    year,
    source: `generated (seed ${seed})`,
    names: Object.fromEntries([...new Set(items.flatMap((i) => [i.code.slice(0, 3), i.code.slice(0, 5)]))].map((c) => [c, cat.get(c)!.name])),
    items,
    balances: {
      generalOpening: yuanStr(generalOpening),
      generalClosing: yuanStr(generalClosing),
      nonFiscalOpening: yuanStr(nonFiscalOpening),
      nonFiscalClosing: yuanStr(nonFiscalClosing),
      useOfNonFiscalReserve: yuanStr(use),
      distribution: yuanStr(distribution),
    },
    basicByEconomic: [...econ.entries()].filter(([, v]) => v > 0).map(([c, v]) => [c, yuanStr(v)]),
    threePublic: {
      budget: {
        abroad: yuanStr(budgetOf(actual.abroad)),
        vehiclePurchase: yuanStr(budgetOf(actual.vehiclePurchase)),
        vehicleRunning: yuanStr(budgetOf(actual.vehicleRunning)),
        reception: yuanStr(budgetOf(actual.reception)),
      },
      actual: {
        abroad: yuanStr(actual.abroad),
        vehiclePurchase: yuanStr(actual.vehiclePurchase),
        vehicleRunning: yuanStr(actual.vehicleRunning),
        reception: yuanStr(actual.reception),
      },
    },
    decisions: [`random accounts, seed ${seed}, grain ${grain} 分${anyGov ? ', 政府性基金' : ''}${anyCapital ? ', 国有资本经营' : ''}`],
  };
  const d = derive(spec);
  return { label: `random:${seed}/${grain}`, d, fenPerUnit: 1, grain, classForm: CLASSES_SHANGHAI };
}
