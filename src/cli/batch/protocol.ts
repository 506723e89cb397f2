/** Messages between the batch pool (checkFolder.ts) and its worker threads (worker.ts). */
import type { SummaryRow } from '../../review/summary';
import type { ExtraCatalogue } from '../commands/check';

export interface WorkerSetup {
  year?: number;
  extra?: ExtraCatalogue;
  /** Write each workbook's 整改清单 into this folder (same relative path, "_整改清单.xlsx"). */
  reportDir?: string;
  /** Send the workbook's check JSON back (--json). */
  json: boolean;
}

export interface Task {
  id: number;
  /** Absolute path. */
  file: string;
  /** Path relative to the folder, shown to the user. */
  rel: string;
}

export interface TaskResult {
  id: number;
  row: SummaryRow;
  /** One line of JSON (--json). */
  json?: string;
  /** The text lines of this workbook (without --json). */
  lines: string[];
  /** Whether the workbook has open 错误 or could not be read. */
  failed: boolean;
}
