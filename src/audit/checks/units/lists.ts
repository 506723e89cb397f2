/** "其中：" lists: a total claim and the claims listed under it. */
import { formatWanyuan } from '../../../money/money';
import { Claim } from '../../claims';

export interface ListGroup {
  parent: Claim;
  kids: Claim[];
  val: (x: Claim) => number;
  fmt: (v: number) => string;
  unit: string;
}

export function listGroups(claims: readonly Claim[]): ListGroup[] {
  const parents = new Map<number, Claim[]>();
  for (const c of claims) if (c.parent) (parents.get(c.parent.id) ?? parents.set(c.parent.id, []).get(c.parent.id)!).push(c);
  return [...parents].map(([pid, kids]) => {
    const p = claims[pid];
    const count = p.kind === 'count';
    return {
      parent: p,
      kids,
      val: (x: Claim) => (x.kind === 'count' ? Math.round((x.number ?? 0) * 100) : x.fen ?? 0),
      fmt: (v: number) => (count ? String(v / 100) : formatWanyuan(v)),
      unit: count ? p.token!.unit : '万元',
    };
  });
}
