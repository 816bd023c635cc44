// @ts-check
// Everyone who appears in the hand-written sample threads. Addresses use the reserved
// `.example` domain so nothing here can ever reach a real inbox.

/** @typedef {{ email: string, name: string }} Person */

/** The signed-in rep. Its address is what the extension reads from document.title. */
export const REP = { email: 'rep@example.com', name: 'Alex Morgan' };

/** A colleague on the rep's own domain: internal mail, never a prospect. */
export const PRIYA = { email: 'priya.raman@example.com', name: 'Priya Raman' };

export const LENA = { email: 'lena.fischer@nordwind-logistik.example', name: 'Lena Fischer' };
export const RAHUL = { email: 'rahul.mehta@kestrelfreight.example', name: 'Rahul Mehta' };
export const SOFIA = { email: 'sofia.marin@altamirafoods.example', name: 'Sofía Marín' };
export const KENJI = { email: 'k.watanabe@hoshi-retail.example', name: 'Kenji Watanabe' };
export const OLUSEGUN = { email: 'olusegun.adeyemi@zenithclinics.example', name: 'Olusegun Adeyemi' };
export const CHIAMAKA = { email: 'chiamaka.obi@zenithclinics.example', name: 'Chiamaka Obi' };
export const MATEUS = { email: 'mateus.oliveira@ipeenergia.example', name: 'Mateus Oliveira' };
export const AROHA = { email: 'aroha@kauri-outdoor.example', name: 'Aroha Ngata' };
export const ANNA = { email: 'a.kuznetsova@severtech.example', name: 'Anna Kuznetsova' };
export const CHEN = { email: 'chen.wei@jaderiver.example', name: 'Chen Wei' };

export const NEWSLETTER = { email: 'digest@saasweekly.example', name: 'SaaS Weekly' };

/** Hostile sample data: markup in a display name must render as inert text. */
export const MALLORY = { email: 'quotes@quickquote.example', name: '<img src=x onerror="window.__pwned=1">' };

/** Hostile sample data: not an address at all; parsers must skip it. */
export const NOT_AN_ADDRESS = { email: 'javascript:alert(1)', name: 'Auto Forwarder' };
