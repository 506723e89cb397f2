import { hierarchyRule } from '../codedRules';

export const rule = hierarchyRule('T2-科目层级', 'T2');
