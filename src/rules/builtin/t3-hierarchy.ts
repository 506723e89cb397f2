import { hierarchyRule } from '../codedRules';

export const rule = hierarchyRule('T3-科目层级', 'T3');
