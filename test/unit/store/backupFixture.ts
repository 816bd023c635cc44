import type { TouchbaseDB } from '../../../src/store/db';
import { createProspect, updateProspect } from '../../../src/store/prospects';
import { logTouch } from '../../../src/store/touches';
import { DAY, HOUR, NOW } from './helpers';

/** A small but varied pipeline: several stages, replies, a Gmail message, unicode, a snooze. */
export async function seedPipeline(db: TouchbaseDB): Promise<void> {
  const ana = await createProspect(db, { email: 'ana@altamira.test', mailbox: 'rep@example.com', name: 'Ana Sofía Pérez', company: 'Altamira Foods', value: 12_000, currency: 'EUR', thread: { threadId: '18c2f0a1b2c3d4e5', mailbox: 'rep@example.com', subject: 'Pricing — Q1' } }, NOW - 20 * DAY);
  const bo = await createProspect(db, { email: 'bo@beta.test', mailbox: '', name: 'Bo Li 李博', company: 'Beta', stageId: 'proposal', expectedCloseDate: '2027-02-28', notes: 'Prefers calls; budget "approved"' }, NOW - 15 * DAY);
  const cy = await createProspect(db, { email: 'cy@gamma.test', mailbox: 'rep@example.com', name: 'Cy', company: 'Gamma', snoozedUntil: NOW + 3 * DAY }, NOW - 5 * DAY);
  await logTouch(db, { prospectId: ana.id, channel: 'email', direction: 'outbound', source: 'gmail', note: '', at: NOW - 10 * DAY, messageId: '18c2f0a1b2c3d4e6', threadId: '18c2f0a1b2c3d4e5' }, NOW - 10 * DAY);
  await logTouch(db, { prospectId: ana.id, channel: 'email', direction: 'inbound', source: 'gmail', note: '', at: NOW - 2 * HOUR }, NOW - 2 * HOUR);
  await logTouch(db, { prospectId: bo.id, channel: 'phone', direction: 'outbound', source: 'manual', note: 'left a voicemail', at: NOW - 4 * DAY }, NOW - 4 * DAY);
  await updateProspect(db, cy.id, { stageId: 'qualified' }, NOW - DAY);
}

/** Every record of every store, keyed, for field-for-field comparison. */
export async function dump(db: TouchbaseDB) {
  return {
    prospects: await db.getAll('prospects'),
    touches: await db.getAll('touches'),
    settings: await db.getAll('settings'),
  };
}
