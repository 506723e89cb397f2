/**
 * selectCells against office-addin-mock's OfficeMockObject. office-addin-mock only needs the OfficeApp enum from
 * office-addin-manifest, whose full entry point pulls an ESM-only dependency that jest cannot load; map it to the
 * enum module alone.
 */
jest.mock('office-addin-manifest', () => jest.requireActual('office-addin-manifest/lib/officeApp'));

import { OfficeMockObject } from 'office-addin-mock';
import { SELECT_SYNC_COUNT, selectCells } from '../src/adapters/officejs';

describe('selectCells (office-addin-mock)', () => {
  test('with office-addin-mock: activates the sheet and selects the cell in one sync', async () => {
    const calls: string[] = [];
    const sheet = {
      activate: () => calls.push('activate'),
      getRange: (address: string) => {
        calls.push(`getRange ${address}`);
        return { select: () => calls.push('select') };
      },
    };
    const context = new OfficeMockObject({
      workbook: {
        worksheets: {
          getItem: (name: string) => {
            calls.push(`getItem ${name}`);
            return sheet;
          },
        },
      },
    });
    const sync = jest.spyOn(context, 'sync');
    await selectCells(context as unknown as Excel.RequestContext, ['公开01表!C8'], { multiArea: false });
    expect(calls).toEqual(['getItem 公开01表', 'activate', 'getRange C8', 'select']);
    expect(sync).toHaveBeenCalledTimes(SELECT_SYNC_COUNT);
  });


  test('with office-addin-mock: several refs on one sheet select the first range when multi-area is unavailable', async () => {
    const calls: string[] = [];
    const sheet = {
      activate: () => calls.push('activate'),
      getRange: (address: string) => {
        calls.push(`getRange ${address}`);
        return { select: () => calls.push('select') };
      },
    };
    const context = new OfficeMockObject({ workbook: { worksheets: { getItem: () => sheet } } });
    const sync = jest.spyOn(context, 'sync');
    await selectCells(context as unknown as Excel.RequestContext, ["'My sheet'!B2:H40", "'My sheet'!C5"]);
    expect(calls).toEqual(['activate', 'getRange B2:H40', 'select']);
    expect(sync).toHaveBeenCalledTimes(1);
  });
});
