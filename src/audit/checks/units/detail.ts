/** The 项 amounts the 具体情况 paragraphs state (placed through their 科目 path). */
import { Claim } from '../../claims';
import { CheckContext } from '../types';

export function detailItems(ctx: CheckContext): Claim[] {
  return ctx.claims.filter((c) => c.kind === 'amount' && ctx.subjectOf(c)?.startsWith('general.item.') && c.subjectVia === 'path');
}
