/**
 * The built-in catalogue against codes printed with their names in real published 上海 documents
 * (test/fixtures/catalogue-observed, see its README): every printed pair of a year the catalogue covers must be
 * known for that year under exactly that name.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Catalogue, economicCatalogue, FIRST_YEAR, functionalCatalogue, isUncertain, LAST_YEAR } from '../src/catalogue';

const DIR = path.join(__dirname, 'fixtures', 'catalogue-observed');

interface Observed {
  file: string;
  year: number;
  code: string;
  name: string;
  docs: string;
}

function observed(kind: 'functional' | 'economic'): Observed[] {
  const out: Observed[] = [];
  for (const file of fs.readdirSync(DIR).sort()) {
    const m = new RegExp(`^${kind}-(\\d{4})\\.csv$`).exec(file);
    if (!m) continue;
    const year = Number(m[1]);
    const lines = fs.readFileSync(path.join(DIR, file), 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('code,name,level,docs');
    for (const line of lines.slice(1)) {
      const [code, name, , docs] = line.split(',');
      out.push({ file, year, code, name, docs });
    }
  }
  return out;
}

const cases: [string, Catalogue, Observed[]][] = [
  ['functional', functionalCatalogue(), observed('functional')],
  ['economic', economicCatalogue(), observed('economic')],
];

describe.each(cases)('%s catalogue knows every code printed in real documents', (_kind, catalogue, rows) => {
  const covered = rows.filter((r) => r.year >= FIRST_YEAR && r.year <= LAST_YEAR);

  test('the fixture has pairs for covered years, each with its documents', () => {
    expect(covered.length).toBeGreaterThan(30);
    for (const r of covered) expect(r.docs).toMatch(/^[a-z]+-\d{4}-[a-z0-9]+( [a-z]+-\d{4}-[a-z0-9]+)*$/);
  });

  test('each pair is in the catalogue of its year under that name', () => {
    const wrong = covered
      .filter((r) => catalogue.nameMatches(r.code, r.name, r.year) !== 'match')
      .map((r) => `${r.year} ${r.code} ${r.name} (${r.docs}): ${catalogue.lookup(r.code, r.year).entry?.name ?? '未收录'}`);
    expect(wrong).toEqual([]);
  });

  test('no printed pair is marked 待核实', () => {
    const doubtful = covered.filter((r) => {
      const e = catalogue.forYear(r.year).get(r.code);
      return e !== undefined && isUncertain(e);
    });
    expect(doubtful.map((r) => `${r.year} ${r.code}`)).toEqual([]);
  });
});

describe('corrections from the printed documents', () => {
  const fc = functionalCatalogue();
  test.each([
    ['2089999', '其他社会保障和就业支出', '2089901'],
    ['2129999', '其他城乡社区支出', '2129901'],
    ['2109999', '其他卫生健康支出', '2109901'],
    ['2059999', '其他教育支出', undefined],
    ['2080206', '社会组织管理', '2080204'],
  ])('%s %s (not %s)', (code, name, old) => {
    for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
      expect(fc.forYear(y).get(code)?.name).toBe(name);
      if (old) expect(fc.forYear(y).has(old)).toBe(false);
    }
  });

  test('20139 社会工作事务 and its 项 from 2024', () => {
    for (const y of [2024, 2025]) {
      const m = fc.forYear(y);
      expect(m.get('20139')?.name).toBe('社会工作事务');
      expect(m.get('2013901')?.name).toBe('行政运行');
      expect(m.get('2013950')?.name).toBe('事业运行');
      expect(m.get('2013999')?.name).toBe('其他社会工作事务支出');
    }
    expect(fc.forYear(2023).has('20139')).toBe(false);
  });
});
