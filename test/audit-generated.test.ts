/**
 * The tool's own text passes its own audit: the 说明 generated from every fixture workbook, in the 四川 and the
 * 上海 form, with 补充信息 empty and with every field filled (consistently: parts add up to their totals, as a
 * careful user would fill them), audits with 0 错误. Warnings and hints are listed in the failure message.
 */
import * as fs from 'fs';
import * as path from 'path';
import { snapshotFromXlsx } from '../src/adapters/exceljs/snapshotFromXlsx';
import { readAccounts } from '../src/model/readAccounts';
import { Accounts } from '../src/model/types';
import { emptySupplement } from '../src/supplement/sheet';
import { fullSupplement } from './fullSupplement';
import { auditNarrative } from '../src/audit';
import { linesToParagraphs } from '../src/audit/text';
import { buildNarrative, narrativeText } from '../src/narrative/build';

import { readableFixtureNames } from './narrativeSupport';

jest.setTimeout(120000);

const XLSX = path.join(__dirname, 'fixtures', 'xlsx');
const FIXTURES = readableFixtureNames();

describe('the generated 说明 audits with 0 错误', () => {
  const books = new Map<string, Accounts>();
  beforeAll(async () => {
    for (const n of FIXTURES) books.set(n, readAccounts(await snapshotFromXlsx(fs.readFileSync(path.join(XLSX, `${n}.xlsx`)), `${n}.xlsx`)));
  });
  it('covers the fixtures', () => expect(FIXTURES.length).toBeGreaterThan(10));
  for (const n of FIXTURES) {
    for (const form of ['sichuan', 'shanghai'] as const) {
      for (const filled of [false, true]) {
        it(`${n}, ${form}, 补充信息 ${filled ? 'filled' : 'empty'}`, () => {
          const accounts = books.get(n)!;
          const sup = filled ? fullSupplement(accounts) : emptySupplement();
          const text = narrativeText(buildNarrative(accounts, sup, { form }));
          const r = auditNarrative({ paragraphs: linesToParagraphs(text) }, accounts, sup);
          expect(r.findings.filter((f) => f.severity === '错误').map((f) => `${f.rule} ${f.where} ${f.quote}: ${f.message}`)).toEqual([]);
          expect(r.counts.figures).toBeGreaterThan(40);
        });
      }
    }
  }
});
