import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MissLogger } from '../../../../src/content/webmail/types';

/**
 * Shared by the Gmail adapter tests, which run under happy-dom. Fixtures are parsed into their
 * own Document (never assigned as markup to the test page), exactly as the adapter receives one.
 */

/** Paths from the file system: happy-dom's URL would resolve file URLs against its own page. */
export const FIXTURE_DIR = join(import.meta.dirname, '../../../fixtures/gmail');
export const SOURCE_DIR = join(import.meta.dirname, '../../../../src/content/webmail/gmail');

export const FIXTURE_NAMES = [
  'inbox.html',
  'inbox-ru.html',
  'inbox-vertical.html',
  'thread.html',
  'thread-th.html',
  'compose.html',
  'sent-notice.html',
  'malformed.html',
] as const;
export type FixtureName = (typeof FIXTURE_NAMES)[number];

export function fixtureText(name: FixtureName): string {
  return readFileSync(join(FIXTURE_DIR, name), 'utf8');
}

export function loadFixture(name: FixtureName): Document {
  return new DOMParser().parseFromString(fixtureText(name), 'text/html');
}

export interface Miss {
  readonly what: string;
  readonly detail: string | undefined;
}

/** A MissLogger that remembers every call, in order. */
export function missRecorder(): { readonly miss: MissLogger; readonly misses: Miss[] } {
  const misses: Miss[] = [];
  return { misses, miss: (what, detail) => misses.push({ what, detail }) };
}

/** A MissLogger for tests that do not look at misses. */
export const ignoreMisses: MissLogger = () => undefined;

/** The time the fixtures were captured: every id in them is older, none older than 2026-09. */
export const FIXTURE_NOW = Date.UTC(2026, 10, 23, 12);
