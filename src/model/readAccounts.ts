/** Placeholder until the recogniser lands: the engine entry point (snapshot → Accounts). */
import { WorkbookSnapshot } from '../snapshot/types';
import { Accounts, TABLE_IDS } from './types';

export function readAccounts(snapshot: WorkbookSnapshot): Accounts {
  return { source: snapshot.source, facts: { otherYears: [] }, tables: [], missing: [...TABLE_IDS], issues: [] };
}
