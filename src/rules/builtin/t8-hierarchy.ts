import { hierarchyRule } from '../codedRules';

export const rule = hierarchyRule('T8-科目层级', 'T8');
