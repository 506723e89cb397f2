import { hierarchyRule } from '../codedRules';

export const rule = hierarchyRule('T9-科目层级', 'T9');
