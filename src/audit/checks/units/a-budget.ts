import { ClaimCheck } from '../types';
import { amountMismatch } from './a-amount';

/** A budget ("年初预算为…") that is not the one in table 7 or 补充信息. */
export const check: ClaimCheck = {
  id: 'A-预算数不符',
  title: '预算数不符',
  severity: '错误',
  description: '文中预算数与“三公”经费表或补充信息中的预算数不符。',
  kinds: ['budget'],
  check: amountMismatch,
};
