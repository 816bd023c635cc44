// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { resolveId } from '../../../../src/content/webmail/gmail/ids';
import { canonicalId, timeFromId } from '../../../../src/domain/gmail';
import { GMAIL_MISS } from '../../../../src/content/webmail/gmail/misses';
import { FIXTURE_NOW, missRecorder } from './helpers';

describe('Gmail ids', () => {
  it('turns every spelling of a stable id into the lower-case 16-hex legacy id', () => {
    expect(canonicalId('1a1c4af86800be69')).toBe('1a1c4af86800be69');
    expect(canonicalId(' 1A1C4AF86800BE69 ')).toBe('1a1c4af86800be69');
    expect(canonicalId('#thread-f:1881461175091248745')).toBe('1a1c4af86800be69');
    expect(canonicalId('thread-f:1881461175091248745')).toBe('1a1c4af86800be69');
    expect(canonicalId('#msg-f:1881576308736136068')).toBe('1a1cb3af0c021384');
  });

  it('agrees with Gmail: the decimal and hex ids of the fixtures are one number', () => {
    expect(BigInt('1881461175091248745').toString(16)).toBe('1a1c4af86800be69');
  });

  it('has no canonical id for provisional, placeholder or malformed values', () => {
    for (const raw of [null, '', 'undefined', '#msg-a:r-4438172617283947561', 'msg-a:r-1', 'xyz', '#thread-f:12ab', '#thread-f:', '18bc1a2b3c4d5e6f7', '#thread-f:99999999999999999999']) {
      expect(canonicalId(raw), String(raw)).toBeNull();
    }
  });

  it('resolves the first usable candidate and reports only values in an unknown format', () => {
    const { miss, misses } = missRecorder();
    expect(resolveId(['zz-not-hex', '#thread-f:1881461175091248745'], miss)).toBe('1a1c4af86800be69');
    expect(resolveId([null, 'undefined', '#msg-a:r-77', ''], miss)).toBeNull();
    expect(misses).toEqual([{ what: GMAIL_MISS.unrecognisedId, detail: 'zz-not-hex' }]);
  });

  it('decodes when an id was minted: the top 44 bits are epoch milliseconds', () => {
    expect(timeFromId('1a1c4af86800be69', FIXTURE_NOW)).toBe(Date.UTC(2026, 10, 10, 9, 0));
    expect(timeFromId('#msg-f:1881641425306235980', FIXTURE_NOW)).toBe(Date.UTC(2026, 10, 12, 8, 45));
    // A 15-digit id from Gmail's first months still decodes.
    const june2004 = Date.UTC(2004, 5, 1);
    const oldId = (BigInt(june2004) << 20n).toString(16);
    expect(oldId).toHaveLength(15);
    expect(timeFromId(oldId, FIXTURE_NOW)).toBe(june2004);
  });

  it('refuses times before Gmail existed or more than a day ahead of the clock', () => {
    expect(timeFromId('0000000000000001', FIXTURE_NOW)).toBeNull();
    const idAt = (time: number) => (BigInt(time) << 20n).toString(16);
    const hour = 3_600_000;
    expect(timeFromId(idAt(FIXTURE_NOW + 23 * hour), FIXTURE_NOW)).toBe(FIXTURE_NOW + 23 * hour);
    expect(timeFromId(idAt(FIXTURE_NOW + 25 * hour), FIXTURE_NOW)).toBeNull();
    expect(timeFromId('#msg-a:r-1', FIXTURE_NOW)).toBeNull();
  });
});
