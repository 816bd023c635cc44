// @ts-check
// 48 ordinary threads that fill the inbox to 60, so there is a second page. Generated from a
// seeded PRNG: the same threads (and so the same ids) every run, in Node and in the page.
import { REP } from './sample-people.js';
import { ago } from './time.js';

export const FILLER_COUNT = 48;

const FIRST = ['Maya', 'Jonas', 'Aiko', 'Diego', 'Fatima', 'Liam', 'Ngozi', 'Pavel', 'Siriporn', 'Wei', 'Isabella', 'Omar', 'Freya', 'Hiroshi', 'Amara', 'Tomasz'];
const LAST = ['Cohen', 'Lindqvist', 'Tanaka', 'Ramírez', 'Haddad', 'Byrne', 'Eze', 'Novak', 'Chaiyaporn', 'Zhang', 'Rossi', 'Farouk', 'Jensen', 'Kato', 'Mensah', 'Kowalski'];
const COMPANIES = ['Bluepeak Software', 'Fjord Payments', 'Sakura Devices', 'Andes Cargo', 'Cedar Health', 'Northstar Media', 'Baobab Energy', 'Vltava Systems', 'Lotus Hotels', 'Yangtze Parts'];

/** @type {Array<[subject: string, body: string]>} */
const TOPICS = [
  ['Invoice {n} from {company}', 'Hi Alex, please find invoice {n} for last month attached. Payment terms are 30 days.'],
  ['Intro: {first} <> Alex', 'Hi Alex, as promised I am connecting you with {first} from {company}, who is looking at delivery analytics this year.'],
  ['Webinar recording: forecasting in uncertain markets', 'Thanks for registering. The recording and slides are now available for the next 30 days.'],
  ['Quick question about your API limits', 'Hello, we are evaluating Brightwave for {company}. What are the rate limits on the reporting API?'],
  ['Your weekly activity summary', 'You sent 42 emails and booked 3 meetings this week. Response rate: 31%.'],
  ['Lunch next week?', 'Hey Alex, are you free for lunch on Tuesday or Wednesday? There is a new ramen place near the office.'],
  ['Conference badge for Logistics Summit', 'Your badge for the Logistics Summit is ready. Bring a photo ID to the registration desk.'],
  ['Re: Case study draft for review', 'Looks great overall. Two small edits on page 2 and we are happy to publish it.'],
  ['Reference call for {company}', 'Would you be able to join a short reference call with a prospect of ours next week?'],
  ['Updated travel itinerary', 'Your itinerary has changed: the flight now departs at 07:45. Seat 14C is confirmed.'],
  ['Expense report approved', 'Your expense report for the customer visit has been approved and will be paid with the next payroll.'],
  ['Feedback on the trial dashboard', 'The team at {company} found the delay heatmap very useful. Could we get a CSV export as well?'],
];

/**
 * mulberry32: tiny seeded PRNG, enough for believable variety.
 * @param {number} seed
 */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @template T
 * @param {() => number} random
 * @param {readonly T[]} items
 * @returns {T}
 */
function pick(random, items) {
  return /** @type {T} */ (items[Math.floor(random() * items.length)]);
}

/** @returns {import('./sample-deals.js').SampleThread[]} */
export function fillerThreads() {
  const random = seededRandom(20240611);
  return Array.from({ length: FILLER_COUNT }, (_, index) => {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const company = pick(random, COMPANIES);
    const [subjectTemplate, bodyTemplate] = pick(random, TOPICS);
    const fill = (/** @type {string} */ text) =>
      text.replaceAll('{first}', first).replaceAll('{company}', company).replaceAll('{n}', `INV-${2400 + index}`);
    const domain = `${company.toLowerCase().replace(/[^a-z]+/g, '')}.example`;
    const sender = { email: `${first.toLowerCase()}.${last.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}@${domain}`, name: `${first} ${last}` };
    // Spread from 2 to ~130 days back, older as the index grows, so page 2 holds the oldest.
    const receivedAgo = ago(2 + index * 2.6 + random() * 2, Math.floor(random() * 10));
    const repAnswered = random() < 0.25;
    return {
      key: `filler-${index}`,
      subject: fill(subjectTemplate),
      labels: index % 9 === 4 ? ['inbox', 'Clients'] : ['inbox'],
      unread: index < 10 && random() < 0.4,
      starred: index % 11 === 3,
      messages: [
        { from: sender, to: [REP], ago: receivedAgo, body: fill(bodyTemplate) },
        ...(repAnswered ? [{ from: REP, to: [sender], ago: receivedAgo - ago(0, 3), body: `Thanks ${first}, noted. Talk soon.\n\nAlex` }] : []),
      ],
    };
  });
}
