import { hierarchyRule } from '../codedRules';

export const rule = hierarchyRule('T5-科目层级', 'T5');
