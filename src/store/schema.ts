import type { DBSchema } from 'idb';
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
}

export const SETTINGS_KEY = 'settings';
export const DB_NAME = 'touchbase';
