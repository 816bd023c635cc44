// @ts-check
// Hand-written sales threads, one per pipeline situation the extension must show (waiting on
// the rep, chased three times, meeting booked, won, lost…). Times are offsets before "now".
import { ago } from './time.js';
import { ANNA, AROHA, CHEN, CHIAMAKA, KENJI, LENA, MATEUS, OLUSEGUN, RAHUL, REP, SOFIA } from './sample-people.js';

/** @typedef {import('./sample-people.js').Person} Person */
/**
 * @typedef {{ from: Person, to: Person[], cc?: Person[], ago: number, body: string, attachment?: string }} SampleMessage
 * @typedef {{ key: string, subject: string, labels: string[], unread?: boolean, starred?: boolean, messages: SampleMessage[] }} SampleThread
 */

/** @type {SampleThread[]} */
export const DEAL_THREADS = [
  {
    // The prospect replied and now waits on the rep.
    key: 'nordwind',
    subject: 'Re: Pricing for the Hamburg depot pilot',
    labels: ['inbox'],
    unread: true,
    starred: true,
    messages: [
      { from: REP, to: [LENA], ago: ago(5, 3), body: 'Hi Lena,\n\nThanks for the call on Monday. As promised, here is a short summary of how a 90-day route analytics pilot could work for the Hamburg depot: 40 dispatcher seats, daily delay reports and a weekly review with your ops leads.\n\nWould the pilot pricing for 40 seats be the right next step?\n\nBest,\nAlex' },
      { from: LENA, to: [REP], ago: ago(1, 2), attachment: 'Security questionnaire.xlsx', body: 'Hi Alex,\n\nYes, please send pricing for 40 seats, ideally with an option to extend to Bremen in Q3. Our IT team also needs the attached security questionnaire filled in before we can sign anything.\n\nViele Grüße,\nLena Fischer\nHead of Operations, Nordwind Logistik' },
    ],
  },
  {
    // The rep followed up three times without an answer.
    key: 'kestrel',
    subject: 'Cutting dispatch delays at Kestrel Freight',
    labels: ['inbox'],
    messages: [
      { from: REP, to: [RAHUL], ago: ago(16, 4), body: 'Hi Rahul,\n\nI saw Kestrel opened two new cross-dock hubs in Pune this quarter. Teams in a similar spot use Brightwave to spot late pickups before they cascade. Open to a 20-minute call next week?\n\nAlex Morgan\nBrightwave Analytics' },
      { from: REP, to: [RAHUL], ago: ago(12, 5), body: 'Hi Rahul, bumping this up in case it got buried. Happy to send a two-page overview instead of a call if that is easier.\n\nAlex' },
      { from: REP, to: [RAHUL], ago: ago(8, 2), body: 'Rahul, here is that overview: one page on the delay model, one on what a 30-day trial needs from your team (about two hours in total). Any thoughts?\n\nAlex' },
      { from: REP, to: [RAHUL], ago: ago(3, 6), body: 'Hi Rahul, I will close the loop here so I do not crowd your inbox. If dispatch delays become a priority later this year, just reply to this email.\n\nAll the best,\nAlex' },
    ],
  },
  {
    // A meeting is booked.
    key: 'altamira',
    subject: 'Demo on Thursday at 10:00 CET',
    labels: ['inbox'],
    messages: [
      { from: REP, to: [SOFIA], ago: ago(3, 1), body: 'Hola Sofía,\n\nWould Thursday at 10:00 CET work for a 45-minute demo with your planning team? I will show the cold-chain delay dashboard on a sample of your own routes.\n\nBest,\nAlex' },
      { from: SOFIA, to: [REP], ago: ago(2, 5), body: 'Hi Alex, Thursday 10:00 works. I will bring Javier from planning and Marta from finance. Please send an invite to this address.\n\nSaludos,\nSofía Marín\nSupply Chain Director, Altamira Foods' },
      { from: REP, to: [SOFIA], ago: ago(2, 4), body: 'Perfect, the invite is on its way for Thursday 10:00 to 10:45 CET. See you then!\n\nAlex' },
    ],
  },
  {
    // A won customer, kept warm with check-ins.
    key: 'hoshi',
    subject: 'Welcome aboard: your onboarding plan',
    labels: ['inbox', 'Clients'],
    messages: [
      { from: REP, to: [KENJI], ago: ago(21, 7), attachment: 'Hoshi Retail onboarding plan.pdf', body: 'Watanabe-san,\n\nThank you for choosing Brightwave! Attached is the onboarding plan we agreed on: store data connection in week 1, the first delay report in week 2, and training for the 12 regional managers in week 3.\n\nBest regards,\nAlex Morgan' },
      { from: KENJI, to: [REP], ago: ago(20, 9), body: 'Dear Alex,\n\nThank you. The plan looks good. Our IT lead, Ms. Sato, will contact your team about the data connection this week.\n\nBest regards,\nKenji Watanabe\nHoshi Retail' },
    ],
  },
  {
    // Three participants: two prospects at the same company and the rep.
    key: 'zenith',
    subject: 'Proposal: Zenith Clinics rollout (v2)',
    labels: ['inbox'],
    unread: true,
    messages: [
      { from: REP, to: [OLUSEGUN], cc: [CHIAMAKA], ago: ago(6, 2), attachment: 'Zenith Clinics proposal v2.pdf', body: 'Olusegun, Chiamaka,\n\nAttached is version 2 of the proposal for all 14 clinics, with the phased rollout you asked for: Lagos Island first, then Abuja and Port Harcourt.\n\nKind regards,\nAlex' },
      { from: OLUSEGUN, to: [REP], cc: [CHIAMAKA], ago: ago(4, 3), body: 'Thanks Alex. The phasing works for us technically. Chiamaka will comment on the commercial terms.\n\nOlusegun Adeyemi\nCTO, Zenith Clinics' },
      { from: CHIAMAKA, to: [REP], cc: [OLUSEGUN], ago: ago(0, 20), body: 'Hello Alex,\n\nCould you revise the payment terms to quarterly in arrears, and confirm the price is fixed for 24 months? With that we can take it to the board next week.\n\nRegards,\nChiamaka Obi\nHead of Procurement' },
    ],
  },
  {
    // Negotiation: the customer pushes on price.
    key: 'ipe',
    subject: 'Re: Contract redlines, section 7 (liability)',
    labels: ['inbox'],
    unread: true,
    starred: true,
    messages: [
      { from: REP, to: [MATEUS], ago: ago(2, 8), body: 'Olá Mateus,\n\nOur legal team accepted your redlines on sections 3 and 5. On section 7 we can raise the liability cap to 12 months of fees. Everything else stays as in the last draft.\n\nAbraços,\nAlex' },
      { from: MATEUS, to: [REP], ago: ago(0, 3), body: 'Alex, section 7 is fine now. Last point: if we sign before the end of the month, can you do 8% off the first year? Then I can get the signature from our CFO on Friday.\n\nMateus Oliveira\nIpê Energia' },
    ],
  },
  {
    // A brand-new inbound lead.
    key: 'kauri',
    subject: 'Question about the Starter plan',
    labels: ['inbox'],
    unread: true,
    messages: [
      { from: AROHA, to: [REP], ago: ago(0, 0, 40), body: 'Kia ora,\n\nWe run 6 outdoor stores around Auckland and a small web shop. Does the Starter plan cover delivery tracking for both, and do you bill in NZD?\n\nNgā mihi,\nAroha Ngata\nKauri Outdoor' },
    ],
  },
  {
    // Nurture: "talk to us after budget season".
    key: 'sever',
    subject: "Re: Let's reconnect after budget season",
    labels: ['inbox'],
    messages: [
      { from: REP, to: [ANNA], ago: ago(31, 4), body: 'Hi Anna,\n\nThank you for the honest feedback on the trial. Shall I check back once your 2025 budget is approved?\n\nBest,\nAlex' },
      { from: ANNA, to: [REP], ago: ago(30, 6), body: 'Hi Alex, yes, please come back to us in about two months. The team liked the dashboards; the timing is the only problem.\n\nBest regards,\nAnna Kuznetsova\nSever Tech' },
    ],
  },
  {
    // Lost: the prospect chose another vendor.
    key: 'jaderiver',
    subject: 'Re: Decision on the analytics vendor',
    labels: ['inbox'],
    messages: [
      { from: REP, to: [CHEN], ago: ago(11, 2), body: 'Hello Chen Wei,\n\nJust checking whether the committee reached a decision on the analytics vendor. Happy to answer any last questions.\n\nBest,\nAlex' },
      { from: CHEN, to: [REP], ago: ago(10, 1), body: 'Dear Alex,\n\nThank you for your patience. We decided to go with a vendor that is already integrated with our ERP. We appreciated the thorough trial and may revisit next year.\n\nBest wishes,\nChen Wei\nJade River Trading' },
    ],
  },
];
