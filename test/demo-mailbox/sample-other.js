// @ts-check
// Hand-written mail that is not a deal: a colleague, a newsletter, and a hostile thread whose
// sender name and subject are markup, which the page (and the extension) must show as text.
import { ago } from './time.js';
import { MALLORY, NEWSLETTER, NOT_AN_ADDRESS, PRIYA, REP } from './sample-people.js';

/** @type {import('./sample-deals.js').SampleThread[]} */
export const OTHER_THREADS = [
  {
    key: 'internal',
    subject: 'Pipeline review prep for Friday',
    labels: ['inbox'],
    unread: true,
    messages: [
      { from: PRIYA, to: [REP], ago: ago(0, 6), body: 'Hey Alex,\n\nFor Friday can you bring the status of Nordwind, Zenith and Ipê? Leadership mostly wants to know what is slipping into next quarter.\n\nThanks!\nPriya' },
      { from: REP, to: [PRIYA], ago: ago(0, 5, 30), body: 'Sure. Ipê should close this month, Zenith depends on their board meeting next week, Nordwind is waiting on my pricing (sending today).\n\nAlex' },
      { from: PRIYA, to: [REP], ago: ago(0, 5), body: 'Perfect, that is exactly the level of detail I need. Thanks!' },
    ],
  },
  {
    key: 'newsletter',
    subject: 'This week: 7 pricing-page experiments that worked',
    labels: ['inbox'],
    unread: true,
    messages: [
      { from: NEWSLETTER, to: [REP], ago: ago(0, 9), body: 'SaaS Weekly, issue 212\n\n1. Annual-first toggles lifted conversions 11% in a B2B test.\n2. Why "Contact sales" buttons underperform "Book a demo".\n3. Seat-based vs usage-based pricing: three case studies.\n\nYou are receiving this because you subscribed at saasweekly.example.' },
    ],
  },
  {
    key: 'hostile',
    subject: '<script>window.__pwned=2</script>Pricing',
    labels: ['inbox'],
    unread: true,
    messages: [
      { from: MALLORY, to: [REP], cc: [NOT_AN_ADDRESS], ago: ago(1, 7), body: '<b>Special offer</b><img src=x onerror="window.__pwned=3"> Reply within 24h for a 90% discount on enterprise pricing.' },
      { from: NOT_AN_ADDRESS, to: [REP], ago: ago(1, 6), body: 'This message was forwarded automatically. <a href="javascript:alert(1)">Unsubscribe</a>' },
    ],
  },
];
