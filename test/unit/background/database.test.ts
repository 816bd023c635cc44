import { forceCloseDatabase } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { describe, expect, it } from 'vitest';
import { database } from '../../../src/background/database';

describe('the background’s database connection', () => {
  it('is opened once per worker life', async () => {
    expect(await database()).toBe(await database());
  });

  it('is opened again after the browser closed it on its own, instead of failing every command', async () => {
    const first = await database();
    // What the browser does when it terminates a connection (storage cleared, disk error):
    // the connection is closed and a `close` event fires on it.
    forceCloseDatabase(unwrap(first) as unknown as Parameters<typeof forceCloseDatabase>[0]);
    const second = await database();
    expect(second).not.toBe(first);
    expect(await second.count('prospects')).toBe(0);
  });
});
