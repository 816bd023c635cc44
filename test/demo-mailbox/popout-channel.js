// @ts-check
// The BroadcastChannel a pop-out window opened without an opener hands its draft over on
// (popout.js), with where the notice shows; every open demo mailbox tab listening on it sends the
// draft (app.js).
export const POP_OUT_CHANNEL = 'demo-mailbox-pop-out';
