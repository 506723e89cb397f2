/**
 * Worker-thread entry of the batch pool: checks the workbooks it is sent, one at a time, and posts back each
 * one's small result. Runs from the compiled lib/ (see checkFolder.ts workerScript).
 */
import { parentPort, workerData } from 'worker_threads';
import { checkOne } from './checkOne';
import type { Task, WorkerSetup } from './protocol';

const setup = workerData as WorkerSetup;

parentPort?.on('message', (task: Task) => {
  void checkOne(task, setup).then((result) => parentPort?.postMessage(result));
});
// Modules loaded: the pool starts a file's time budget only from here.
parentPort?.postMessage({ ready: true });
