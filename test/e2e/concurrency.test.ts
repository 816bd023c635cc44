import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import { deriveProspect } from '../../src/domain/derive';
import { findStage, type Settings } from '../../src/domain/settings';
import type { Prospect, Touch } from '../../src/domain/types';
import { DEMO_MAILBOX_URL, DEMO_PROSPECTS, serveDemoMailbox } from '../demo-mailbox/serve.mjs';
import { ContentWorld } from './cdp';
import { command, readProspects, readTouches } from './extension';
import { cardText, expectedProspect, rowStates } from './gmail';
import { seededRandom } from './random';
import { bundleRealSend, contentSender, pageSender, type Command, type Outcome, type Sender } from './realSend';
import { detectableMessages, untilStoreSettles, writeMix } from './writers';

/**
 * The popup, two Gmail tabs and the notification buttons write to the same prospects at once:
 * afterwards every derived field equals what the rules compute from the stored touches, every
 * Gmail message is one touch per prospect, no acknowledged touch is missing, and both tabs' chips agree.
 */
type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
type DemoWindow = Window & { __demo: { navigate(hash: string): void } };

const SEED = Number(process.env.CONCURRENCY_SEED ?? 20_260_611);
let browser: Launched;
let popup: Page;
let tabs: Page[];
let senders: Sender[];
let ids: string[];
let settings: Settings;

beforeAll(async () => {
  browser = await launchWithExtension();
  await serveDemoMailbox(browser.context);
  popup = await browser.context.newPage();
  await popup.goto(browser.extensionUrl('src/popup/index.html'));
  // The demo's prospects, linked to their threads but with no touches yet: the tabs find them.
  ids = [];
  for (const { threadIds: _ids, threads: [thread], ...fields } of DEMO_PROSPECTS) {
    ids.push((await command(popup, 'prospect.create', { ...fields, ...(thread ? { thread } : {}) })).id);
  }
  settings = await command(popup, 'settings.get', {});
  const script = await bundleRealSend();
  tabs = [];
  senders = [await pageSender(popup, script)];
  for (const label of ['gmail A', 'gmail B']) {
    const tab = await browser.context.newPage();
    const world = await ContentWorld.attach(browser.context, tab, browser.extensionId);
    await tab.goto(`${DEMO_MAILBOX_URL}#inbox`);
    await tab.locator('[data-touchbase="chip"]').first().waitFor();
    tabs.push(tab);
    senders.push(await contentSender(world, script, label));
  }
});
afterAll(async () => browser?.close());

/** Both tabs open every tracked thread at the same moment; each logs the messages it sees. */
async function openTrackedThreads(): Promise<void> {
  const linked = [...new Set(DEMO_PROSPECTS.flatMap((p) => p.threadIds))];
  for (const threadId of linked) {
    const names = DEMO_PROSPECTS.filter((p) => p.threadIds.includes(threadId)).map((p) => p.name);
    await Promise.all(
      tabs.map(async (tab) => {
        await tab.evaluate((hash) => (window as unknown as DemoWindow).__demo.navigate(hash), `#inbox/${threadId}`);
        // The card is drawn after the thread's touches were sent: then the next thread may open.
        await expect
          .poll(async () => (await cardText(tab)) ?? '', { timeout: 20_000 })
          .toSatisfy((text: string) => names.some((name) => text.includes(name)));
      }),
    );
  }
}

/** Brings every prospect's reminder on screen: due now (a snooze ending now), then recorded as shown. */
async function reminderOnScreenForAll(): Promise<void> {
  for (const id of ids) await command(popup, 'prospect.update', { id, patch: { snoozedUntil: Date.now() } });
  // A Lost prospect is never due: it has none, and a press on its id only opens it.
  const waiting = async () => (await readProspects(popup)).filter((p) => p.dueAt !== undefined && p.notified?.dueAt !== p.dueAt).length;
  await expect.poll(waiting, { timeout: 20_000 }).toBe(0);
}

/** Clicks the reminder buttons in the worker, as Chrome delivers them: [snooze, log touch]. */
async function clickNotificationButtons(clicks: readonly { prospectId: string; button: 0 | 1 }[]): Promise<void> {
  const worker = browser.context.serviceWorkers()[0]!;
  // A press acts only while the prospect's notified instance is the one due (otherwise it opens
  // the prospect), so how many touches the presses log depends on how they interleave with the writers.
  await worker.evaluate((all) => {
    for (const { prospectId, button } of all) chrome.notifications.onButtonClicked.dispatch(`due:${prospectId}`, button);
  }, clicks);
}

/** The ids of the touches the background acknowledged for commands without a Gmail message id. */
function acknowledgedManualTouches(commands: readonly Command[], outcomes: readonly Outcome[]): string[] {
  return outcomes.flatMap((outcome, i) => {
    const { name, payload } = commands[i]!;
    const manual = name === 'touch.log' && !('messageId' in payload);
    return outcome.ok && manual ? [(outcome.value as { touch: Touch }).touch.id] : [];
  });
}

describe('concurrent writers on the same prospects', () => {
  it('lose nothing, count nothing twice, and agree on chips in both tabs', { timeout: 180_000 }, async () => {
    const random = seededRandom(SEED);
    const now = Date.now();
    const mix = writeMix(random, ids, settings.stages.map((s) => s.id), now);
    const batches = [mix.batch(120, 0.5), mix.batch(30, 1), mix.batch(30, 1)];
    // Every prospect has a reminder on screen when the race starts, and each is pressed twice (a
    // double click): a press acts while its instance is still the one due, then opens the prospect.
    await reminderOnScreenForAll();
    const clicks = ids.flatMap((prospectId) => {
      const button = random.pick([0, 1] as const);
      return [{ prospectId, button }, { prospectId, button }];
    });

    const [outcomes] = await Promise.all([
      Promise.all(senders.map((sender, i) => sender.fire(batches[i]!))),
      openTrackedThreads(),
      clickNotificationButtons(clicks),
    ]);
    const refused = outcomes.flat().filter((o) => !o.ok);
    expect(refused).toEqual([]);
    const idOf = new Map(DEMO_PROSPECTS.map((p, i) => [p.email, ids[i]!]));
    const detected = detectableMessages().map((m) => ({ messageId: m.messageId, prospectId: idOf.get(m.email)! }));
    await untilStoreSettles(popup, (touches) => detected.every((m) => touches.some((t) => t.messageId === m.messageId && t.prospectId === m.prospectId)));

    const [prospects, touches] = await Promise.all([readProspects(popup), readTouches(popup)]);
    const [fromPopup, fromA, fromB] = batches.map((batch) => batch.length);
    console.log(
      `concurrency: ${fromPopup! + fromA! + fromB! + clicks.length} commands at once (popup ${fromPopup}, Gmail tabs ${fromA} + ${fromB}, ` +
        `${clicks.length} notification clicks) while both tabs logged the same ${detected.length} (Gmail message, prospect) pairs → ${touches.length} touches, seed ${SEED}`,
    );

    // A reminder logs at most one touch, however often its Log touch is pressed, and only if pressed.
    for (const prospectId of ids) {
      const logged = touches.filter((t) => t.source === 'notification' && t.prospectId === prospectId).length;
      expect(logged).toBeLessThanOrEqual(clicks.some((c) => c.button === 1 && c.prospectId === prospectId) ? 1 : 0);
    }

    // Every Gmail message is one touch per prospect, of the prospect every sender named.
    const pairs = touches.flatMap((t) => (t.messageId ? [`${t.messageId} ${t.prospectId}`] : []));
    expect(pairs.length).toBe(new Set(pairs).size);
    for (const sent of mix.messages) expect(touches.filter((t) => t.messageId === sent.messageId).map((t) => t.prospectId)).toEqual([sent.prospectId]);

    // Every acknowledged touch without a message id is stored once, and nothing else is.
    const acknowledged = batches.flatMap((batch, i) => acknowledgedManualTouches(batch, outcomes[i]!));
    const manual = touches.filter((t) => t.messageId === undefined && t.source !== 'notification').map((t) => t.id);
    expect(acknowledged.length).toBe(mix.manualCount);
    expect(manual.sort()).toEqual(acknowledged.sort());

    // Every derived field (counts, last touches, ball, dueAt) is what the rules give for the final state.
    for (const prospect of prospects) {
      const own = touches.filter((t) => t.prospectId === prospect.id);
      expect(prospect.touchCount).toBe(own.length);
      expect(prospect).toEqual(deriveProspect(prospect, own, settings));
    }

    // No write is lost to a concurrent one: every stage a writer set is among the stages reached
    // (a stale read-modify-write would drop it), and the final stage is one that was asked for.
    const stageCommands = batches.flat().filter((c) => c.name === 'prospect.update' && 'stageId' in (c.payload as { patch: object }).patch);
    for (const [index, prospect] of prospects.entries()) {
      const asked = stageCommands.flatMap(({ payload }) => {
        const { id, patch } = payload as { id: string; patch: { stageId: string } };
        return id === prospect.id ? [patch.stageId] : [];
      });
      const initial = DEMO_PROSPECTS.find((p) => p.email === prospect.email)!.stageId;
      expect(prospect.reachedStages, `stages of prospect ${index}`).toEqual(expect.arrayContaining([initial, ...asked]));
      expect([initial, ...asked]).toContain(prospect.stageId);
    }

    await expectChipsShow(prospects);
  });
});

/** Both tabs, back on the inbox, show each prospect's final stage and touch count on its rows. */
async function expectChipsShow(prospects: readonly Prospect[]): Promise<void> {
  const wanted = (prospectId: string | null) => {
    const prospect = prospects.find((p) => p.id === prospectId);
    return prospect ? `${prospect.id}: ${findStage(settings, prospect.stageId)?.name} · ${prospect.touchCount}` : null;
  };
  for (const tab of tabs) {
    await tab.evaluate(() => (window as unknown as DemoWindow).__demo.navigate('#inbox'));
    const mismatches = async () => {
      const rows = await rowStates(tab);
      return rows.flatMap((row) => {
        const chip = row.chips[0];
        // The chip reads "stage · touches · due"; the due words depend on the clock, not on the writes.
        const shown = chip ? `${chip.prospectId}: ${chip.text.split(' · ').slice(0, 2).join(' · ')}` : null;
        const expected = wanted(expectedProspect(row, prospects));
        return shown === expected ? [] : [{ row: row.legacyId, shown, expected }];
      });
    };
    await expect.poll(mismatches, { timeout: 20_000 }).toEqual([]);
    expect((await rowStates(tab)).filter((row) => row.chips.length > 0).length).toBeGreaterThanOrEqual(8);
  }
}
