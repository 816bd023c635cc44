import type { Settings } from '../domain/settings';
import { djb2 } from './djb2';

const stamps = new WeakMap<Settings, string>();

/**
 * A short fingerprint of the settings a chip or card was drawn with: a renamed or recoloured stage
 * changes no prospect, yet must redraw every chip. Whether the card is kept open is left out: the
 * card the rep just opened or closed already shows it, and no chip depends on it. Computed once
 * per settings object (one per lookup).
 */
export function settingsStamp(settings: Settings): string {
  let stamp = stamps.get(settings);
  if (stamp === undefined) {
    const { cardOpen: _view, ...drawn } = settings;
    stamp = djb2(JSON.stringify(drawn)).toString(36);
    stamps.set(settings, stamp);
  }
  return stamp;
}
