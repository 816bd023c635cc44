// @ts-check
/* global chrome -- the command runs inside an extension page */
// Tracks the demo mailbox's sample prospects in a running extension, through the same commands
// the popup and the content script send, with the touches their threads already hold. Used by
// `npm start` (so every chip state shows at once) and by the end-to-end tests.
import { DEMO_PROSPECTS, threads } from './data.js';

/**
 * @param {import('playwright-core').Page} extensionPage a page of the extension (e.g. its popup)
 * @param {{ prospects?: typeof DEMO_PROSPECTS }} [options]
 * @returns {Promise<Array<{ id: string, email: string }>>} the created prospects
 */
export async function seedDemoProspects(extensionPage, options = {}) {
  const created = [];
  for (const prospect of options.prospects ?? DEMO_PROSPECTS) {
    const record = await command(extensionPage, 'prospect.create', {
      email: prospect.email,
      mailbox: prospect.mailbox,
      name: prospect.name,
      company: prospect.company,
      stageId: prospect.stageId,
      value: prospect.value,
      currency: prospect.currency,
      nextMeetingAt: prospect.nextMeetingAt,
      ...(prospect.threads[0] ? { thread: prospect.threads[0] } : {}),
    });
    for (const touch of touchesOf(prospect)) await command(extensionPage, 'touch.log', { prospectId: record.id, ...touch });
    created.push({ id: record.id, email: record.email });
  }
  return created;
}

/**
 * The messages of a prospect's linked threads as touches: theirs inbound, the rep's to them
 * outbound, keyed by message id as the content script would log them.
 * @param {(typeof DEMO_PROSPECTS)[number]} prospect
 */
function touchesOf(prospect) {
  const linked = threads.filter((thread) => prospect.threadIds.includes(thread.legacyId));
  return linked.flatMap((thread) =>
    thread.messages.flatMap((message) => {
      const to = [...message.to, ...(message.cc ?? [])].map((person) => person.email);
      const direction = message.from.email === prospect.email ? 'inbound' : message.from.email === prospect.mailbox && to.includes(prospect.email) ? 'outbound' : null;
      if (!direction) return [];
      return [{ channel: 'email', direction, source: 'gmail', messageId: message.legacyId, threadId: thread.legacyId, at: Math.min(message.sentAt, Date.now()), note: '' }];
    }),
  );
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} name
 * @param {object} payload
 */
async function command(page, name, payload) {
  const reply = await page.evaluate(([n, p]) => chrome.runtime.sendMessage({ tag: 'touchbase/v1', name: n, payload: p }), /** @type {const} */ ([name, payload]));
  if (!reply?.ok) throw new Error(`${name} refused while seeding: ${reply?.error ?? 'no answer'}`);
  return reply.value;
}
