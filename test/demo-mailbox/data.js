// @ts-check
// The demo mailbox of rep@example.com: 12 hand-written threads plus 48 filler threads, and the
// prospects a seeder should track. A plain ES module without DOM use: Node (tests, `npm start`
// seeders) and the page import the same file, and for the same clock anchor they get the same
// ids, because ids come from the times and from stable hashes, never from Math.random.
import { decimalOf, legacyIdAt, stableLow20 } from './ids.js';
import { DEAL_THREADS } from './sample-deals.js';
import { fillerThreads } from './filler.js';
import { buildProspects } from './prospects.js';
import { OTHER_THREADS } from './sample-other.js';

export { REP } from './sample-people.js';
export { buildProspects } from './prospects.js';

/**
 * @typedef {import('./sample-people.js').Person} Person
 *
 * @typedef {object} Message
 * @property {string | null} legacyId 16 hex digits; null while a just-sent reply waits for its real id
 * @property {string} messageId `#msg-f:<decimal>`, or `#msg-a:r-<digits>` while pending
 * @property {Person} from
 * @property {Person[]} to
 * @property {Person[]} cc
 * @property {number} sentAt epoch milliseconds (equal to what legacyId encodes)
 * @property {string} body plain text
 * @property {string | null} attachment file name shown as a chip
 *
 * @typedef {object} Thread
 * @property {string} key stable name of the sample ("nordwind", "filler-7", "compose-…")
 * @property {string} legacyId 16 hex digits: the id of the thread's first message, as in Gmail
 * @property {string} threadId `#thread-f:<decimal>`
 * @property {string} permId `thread-f:<decimal>`
 * @property {string} subject
 * @property {string[]} labels 'inbox' and user labels such as 'Clients'
 * @property {boolean} unread
 * @property {boolean} starred
 * @property {Message[]} messages oldest first
 */

/** The clock anchor Node uses; serve.mjs hands it to the page so both build the same ids. */
export const DEMO_NOW = Date.now();

/**
 * A message with its final ids.
 * @param {Omit<Message, 'legacyId' | 'messageId'>} fields
 * @param {number} low20
 * @returns {Message}
 */
export function messageWithIds(fields, low20) {
  const legacyId = legacyIdAt(fields.sentAt, low20);
  return { ...fields, legacyId, messageId: `#msg-f:${decimalOf(legacyId)}` };
}

/**
 * A thread named by its first message's id (Gmail keeps a thread's id when replies arrive).
 * @param {Omit<Thread, 'legacyId' | 'threadId' | 'permId'>} fields
 * @returns {Thread}
 */
export function threadWithIds(fields) {
  const first = fields.messages[0];
  if (!first?.legacyId) throw new Error('a thread needs a first message with an id');
  const decimal = decimalOf(first.legacyId);
  return { ...fields, legacyId: first.legacyId, threadId: `#thread-f:${decimal}`, permId: `thread-f:${decimal}` };
}

/**
 * Every sample thread, with times and ids resolved against `now`. Fresh objects on each call.
 * @param {number} now
 * @returns {Thread[]}
 */
export function buildThreads(now) {
  return [...DEAL_THREADS, ...OTHER_THREADS, ...fillerThreads()].map((sample) =>
    threadWithIds({
      key: sample.key,
      subject: sample.subject,
      labels: [...sample.labels],
      unread: sample.unread ?? false,
      starred: sample.starred ?? false,
      messages: sample.messages.map((message, index) =>
        messageWithIds(
          { from: message.from, to: message.to, cc: message.cc ?? [], sentAt: Math.floor(now - message.ago), body: message.body, attachment: message.attachment ?? null },
          stableLow20(`${sample.key}/${index}`),
        ),
      ),
    }),
  );
}

/** The sample mailbox at DEMO_NOW (60 threads). */
export const threads = buildThreads(DEMO_NOW);

/** The prospects a seeder should create, linked to `threads`. */
export const DEMO_PROSPECTS = buildProspects(threads, DEMO_NOW);
