import { expect, it } from 'vitest';
import type { Prospect, Touch } from '../../../src/domain/types';
import { readForExport } from '../../../src/options/exportReads';
import { freshDB } from '../store/helpers';

it('reads every record for an export, telling after each chunk of 2,000 how many of all are read', async () => {
  const db = await freshDB();
  const tx = db.transaction(['prospects', 'touches'], 'readwrite');
  // Only the keys matter to the reading; zero-padded so key order is number order.
  for (let i = 0; i < 4_500; i++) void tx.objectStore('prospects').put({ id: `p${String(i).padStart(5, '0')}`, mailbox: '', email: `p${i}@x.test` } as unknown as Prospect);
  for (let i = 0; i < 500; i++) void tx.objectStore('touches').put({ id: `t${String(i).padStart(5, '0')}`, prospectId: 'p00000', at: i } as unknown as Touch);
  await tx.done;

  const reports: [number, number][] = [];
  const { prospects, touches } = await readForExport(db, true, (done, total) => void reports.push([done, total]));
  // 4,500 prospects: chunks of 2,000, 2,000, 500; then the 500 touches in one chunk.
  expect(reports).toEqual([[2_000, 5_000], [4_000, 5_000], [4_500, 5_000], [5_000, 5_000]]);
  expect(prospects.map((p) => p.id)).toEqual(Array.from({ length: 4_500 }, (_, i) => `p${String(i).padStart(5, '0')}`));
  expect(touches).toHaveLength(500);

  const csvReports: [number, number][] = [];
  const prospectsOnly = await readForExport(db, false, (done, total) => void csvReports.push([done, total]));
  expect(csvReports.at(-1)).toEqual([4_500, 4_500]);
  expect(prospectsOnly.touches).toEqual([]);
});
