import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import type { ContentWorld } from './cdp';

/**
 * The extension's own `send()` (src/platform/messages.ts, with its resends) bundled as a script,
 * so a test drives commands exactly as the popup and the content script do, from inside their
 * contexts. Installed as `globalThis.__touchbase`, which also counts every runtime message the
 * page sends (a resend is a second message for one command).
 */
export async function bundleRealSend(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'touchbase-send-'));
  const entry = join(dir, 'entry.ts');
  const messages = resolve('src/platform/messages.ts').replaceAll('\\', '/');
  // The entry lives outside the project: name the polyfill by path (the same module send() uses).
  const polyfill = createRequire(messages).resolve('webextension-polyfill').replaceAll('\\', '/');
  writeFileSync(
    entry,
    `import browser from '${polyfill}';
     import { send } from '${messages}';
     const runtime = browser.runtime;
     const original = runtime.sendMessage.bind(runtime);
     const counter = { messages: 0 };
     runtime.sendMessage = (...args) => (counter.messages += 1, original(...args));
     globalThis.__touchbase = { send, counter };`,
  );
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: resolve('.'),
    build: { write: false, minify: false, lib: { entry, formats: ['iife'], name: 'touchbaseTestSend' } },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
  const chunk = outputs.find((output) => output.type === 'chunk');
  if (!chunk || !('code' in chunk)) throw new Error('bundling send() produced no script');
  return chunk.code;
}

/** A command as the test describes it; the page's own send() carries it. */
export interface Command {
  readonly name: string;
  readonly payload: object;
}

export type Outcome = { ok: true; value: unknown } | { ok: false; error: string };

/** The script every sender runs: all commands at once, each settled on its own. */
const FIRE = `(commands) => Promise.all(commands.map((c) =>
  globalThis.__touchbase.send(c.name, c.payload).then((value) => ({ ok: true, value }), (e) => ({ ok: false, error: String(e && e.message || e) }))))`;

/** A sender: an extension page (the popup) or our content script's world in a Gmail tab. */
export interface Sender {
  readonly label: string;
  fire(commands: readonly Command[]): Promise<Outcome[]>;
  /** Runtime messages sent so far (commands plus resends). */
  messages(): Promise<number>;
}

export async function pageSender(page: Page, script: string, label = 'popup'): Promise<Sender> {
  // Evaluated over CDP, so the extension page's CSP does not apply.
  await page.evaluate(script);
  return {
    label,
    fire: (commands) => page.evaluate(`(${FIRE})(${JSON.stringify(commands)})`) as Promise<Outcome[]>,
    messages: () => page.evaluate(() => (globalThis as unknown as { __touchbase: { counter: { messages: number } } }).__touchbase.counter.messages),
  };
}

export async function contentSender(world: ContentWorld, script: string, label: string): Promise<Sender> {
  await world.evaluate(script);
  return {
    label,
    fire: (commands) => world.evaluate<Outcome[]>(`(${FIRE})(${JSON.stringify(commands)})`),
    messages: () => world.evaluate<number>('globalThis.__touchbase.counter.messages'),
  };
}
