import type { DBSchema } from 'idb';
import type { SyncedProspect, SyncedTouch } from '../domain/merge';
import type { Settings } from '../domain/settings';
import type { Prospect, Touch } from '../domain/types';

/**
 * The typed shape of Touchbase's IndexedDB. A change here needs a new version block in
 * migrations.ts; released blocks are never edited.
 */
export interface TouchbaseSchema extends DBSchema {
  prospects: {
    key: string;
    value: Prospect;
    indexes: {
      byEmail: string;
      /** Unique: one prospect per address per rep mailbox. */
      byMailboxEmail: [string, string];
      /** Sparse: prospects that are never due (Lost) carry no dueAt and are not in it. */
      byDueAt: number;
      byStage: string;
      /** multiEntry over threadIds: find the prospect of a Gmail thread in one read. */
      byThreadId: string;
      /** Sparse (v2): due instances whose reminder has not been shown yet. */
      byRemindAt: number;
    };
  };
  touches: {
    key: string;
    value: Touch;
    indexes: {
      byProspectAt: [string, number];
      /**
       * Unique and sparse (v3): a Gmail message is one touch per prospect, however often it is
       * seen; a message to two tracked people is a touch for each.
       */
      byMessageProspect: [string, string];
    };
  };
  settings: {
    key: typeof SETTINGS_KEY;
    value: Settings;
  };
  /**
   * (v4) Each prospect as it syncs: the fields the rep set, each with the clock of its last
   * edit. Keyed by the sync key (mailbox + address at creation); a deleted prospect keeps its
   * entry (a tombstone) so an older copy pulled later cannot bring it back.
   */
  syncProspects: {
    key: string;
    value: SyncProspectEntry;
    indexes: {
      /** Unique and sparse: the local record of each synced prospect; tombstones have none. */
      byLocalId: string;
    };
  };
  /**
   * (v4) Records changed here and not yet pushed, by sync id, written in the same transaction as
   * the change. Kept whether or not sync is connected, so connecting later pushes everything.
   */
  outbox: {
    key: string;
    value: OutboxEntry;
  };
  /** (v4) Touches pulled before their prospect, held until it arrives (same page or a later one). */
  syncPending: {
    key: string;
    value: SyncedTouch;
    indexes: { byProspectKey: string };
  };
  /**
   * (v4) This device's sync bookkeeping, keyed by SYNC_KEYS: device id, clock, pull checkpoint,
   * connection (with the password: this device only, never in a backup, never synced), state,
   * and the synced copy of the settings.
   */
  sync: {
    key: string;
    value: unknown;
  };
}

export interface SyncProspectEntry {
  readonly key: string;
  /** Absent once the prospect was deleted (by another device): nothing local to update. */
  readonly localId?: string;
  readonly synced: SyncedProspect;
}

export type OutboxEntry =
  | { readonly kind: 'prospect'; readonly key: string }
  | { readonly kind: 'touch'; readonly localId: string }
  | { readonly kind: 'settings' };

/**
 * Keys of the `sync` store. `settings` holds the synced copy of the rep's settings (each synced
 * field with the clock of its last edit; src/domain/settingsSync.ts): no new store, so no schema
 * version.
 */
export const SYNC_KEYS = { device: 'device', clock: 'clock', checkpoint: 'checkpoint', connection: 'connection', state: 'state', settings: 'settings' } as const;


export const SETTINGS_KEY = 'settings';
export const DB_NAME = 'touchbase';
