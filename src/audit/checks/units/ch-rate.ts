import { ClaimCheck } from '../types';
import { rateMismatch } from './ch-rate-denominator';

/** A change rate that is not |change| ÷ last year. */
export const check: ClaimCheck = {
  id: 'A-变动率不符',
  title: '增减幅度有误',
  severity: '错误',
  description: '增减幅度与增减额 ÷ 上年数不符。',
  kinds: ['changeRate'],
  check: (c, ctx) => rateMismatch(c, ctx, false),
};
