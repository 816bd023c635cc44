import type { Page } from 'playwright-core';
import type { Prospect, Touch } from '../../src/domain/types';
import type { MessageName, Reply, RequestOf, ResponseOf } from '../../src/messaging/protocol';

/** Sends one protocol command from an extension page, as the popup would. */
export async function command<K extends MessageName>(page: Page, name: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply = (await page.evaluate(
    ([n, p]) => chrome.runtime.sendMessage({ tag: 'touchbase/v1', name: n, payload: p }),
    [name, payload] as const,
  )) as Reply<ResponseOf<K>>;
  if (!reply.ok) throw new Error(`${name} refused: ${reply.error}`);
  return reply.value;
}

/** Reads a whole object store from the browser's real IndexedDB, from an extension page. */
export function readStore<T>(page: Page, store: 'prospects' | 'touches'): Promise<T[]> {
  return page.evaluate(
    (storeName) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('touchbase');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(storeName).objectStore(storeName).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

export const readProspects = (page: Page) => readStore<Prospect>(page, 'prospects');
export const readTouches = (page: Page) => readStore<Touch>(page, 'touches');

export async function prospectById(page: Page, id: string): Promise<Prospect | undefined> {
  return (await readProspects(page)).find((p) => p.id === id);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes records straight into the browser's IndexedDB from an extension page (benches seed
 * thousands this way). Send a command first: the background creates the schema.
 */
export function writeRecords(page: Page, records: { prospects?: readonly object[]; touches?: readonly object[] }): Promise<void> {
  return page.evaluate(putRecords, { prospects: records.prospects ?? [], touches: records.touches ?? [] });
}

/** Runs in an extension page (any browser): puts the records in one transaction. */
export function putRecords({ prospects, touches }: { prospects: readonly object[]; touches: readonly object[] }): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('touchbase');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['prospects', 'touches'], 'readwrite');
      for (const record of prospects) tx.objectStore('prospects').put(record);
      for (const record of touches) tx.objectStore('touches').put(record);
      tx.oncomplete = () => (open.result.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
  });
}
