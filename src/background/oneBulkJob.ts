import { StoreError } from '../store/errors';

/**
 * Imports (check and apply) and deleting everything run one at a time. Each reads and writes the
 * whole store for up to minutes; a second one started meanwhile (a second click, a second file, a
 * second options tab) would queue behind the first and then run against what the first left, so
 * it is refused at once with a reason the rep can read. The flag lives in worker memory on
 * purpose: a stopped worker has also lost the job it guarded (its transaction is aborted).
 */
let running = false;

export async function oneBulkJob<T>(work: () => Promise<T>): Promise<T> {
  if (running) throw StoreError.of('conflict', '', 'bulkJobRunning');
  running = true;
  try {
    return await work();
  } finally {
    running = false;
  }
}
