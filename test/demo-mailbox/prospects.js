// @ts-check
// Which participants of the sample mailbox a seeder should track as prospects, one per stage
// (two at Zenith), so every status chip of the extension shows in the demo inbox.
import { ANNA, AROHA, CHEN, CHIAMAKA, KENJI, LENA, MATEUS, OLUSEGUN, RAHUL, REP, SOFIA } from './sample-people.js';
import { ago } from './time.js';

/**
 * @typedef {object} DemoProspect
 * @property {string} email
 * @property {string} name
 * @property {string} company
 * @property {'new' | 'contacted' | 'qualified' | 'meeting' | 'proposal' | 'negotiation' | 'won' | 'nurture' | 'lost'} stageId
 * @property {number | null} value
 * @property {string} currency ISO 4217
 * @property {number | null} nextMeetingAt epoch milliseconds
 * @property {string} mailbox the rep's address
 * @property {string[]} threadIds legacy hex ids of the linked threads
 * @property {Array<{ threadId: string, mailbox: string, subject: string }>} threads the same links with subjects
 */

/**
 * @type {Array<{ person: import('./sample-people.js').Person, company: string, stageId: DemoProspect['stageId'], value: number | null, currency: string, threadKey: string, meetingIn?: number }>}
 */
const PLAN = [
  { person: AROHA, company: 'Kauri Outdoor', stageId: 'new', value: 4800, currency: 'NZD', threadKey: 'kauri' },
  { person: RAHUL, company: 'Kestrel Freight', stageId: 'contacted', value: 9500, currency: 'USD', threadKey: 'kestrel' },
  { person: LENA, company: 'Nordwind Logistik', stageId: 'qualified', value: 18000, currency: 'EUR', threadKey: 'nordwind' },
  // Thursday's demo, two days ahead of the anchor.
  { person: SOFIA, company: 'Altamira Foods', stageId: 'meeting', value: 24000, currency: 'EUR', threadKey: 'altamira', meetingIn: ago(2) },
  { person: OLUSEGUN, company: 'Zenith Clinics', stageId: 'proposal', value: 36000, currency: 'USD', threadKey: 'zenith' },
  { person: CHIAMAKA, company: 'Zenith Clinics', stageId: 'proposal', value: null, currency: 'USD', threadKey: 'zenith' },
  { person: MATEUS, company: 'Ipê Energia', stageId: 'negotiation', value: 210000, currency: 'BRL', threadKey: 'ipe' },
  { person: KENJI, company: 'Hoshi Retail', stageId: 'won', value: 5400000, currency: 'JPY', threadKey: 'hoshi' },
  { person: ANNA, company: 'Sever Tech', stageId: 'nurture', value: 15000, currency: 'EUR', threadKey: 'sever' },
  { person: CHEN, company: 'Jade River Trading', stageId: 'lost', value: 80000, currency: 'CNY', threadKey: 'jaderiver' },
];

/**
 * The prospects, linked to the threads built for the same anchor.
 * @param {import('./data.js').Thread[]} threads
 * @param {number} now
 * @returns {DemoProspect[]}
 */
export function buildProspects(threads, now) {
  return PLAN.map((entry) => {
    const thread = threads.find((candidate) => candidate.key === entry.threadKey);
    if (!thread) throw new Error(`sample thread ${entry.threadKey} is missing`);
    return {
      email: entry.person.email,
      name: entry.person.name,
      company: entry.company,
      stageId: entry.stageId,
      value: entry.value,
      currency: entry.currency,
      nextMeetingAt: entry.meetingIn === undefined ? null : now + entry.meetingIn,
      mailbox: REP.email,
      threadIds: [thread.legacyId],
      threads: [{ threadId: thread.legacyId, mailbox: REP.email, subject: thread.subject }],
    };
  });
}
