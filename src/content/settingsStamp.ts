import type { Settings } from '../domain/settings';

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
    const text = JSON.stringify(drawn);
    let hash = 5381; // djb2: enough to tell two settings records apart, not a security hash
    for (let i = 0; i < text.length; i++) hash = ((hash << 5) + hash + text.charCodeAt(i)) | 0;
    stamp = (hash >>> 0).toString(36);
    stamps.set(settings, stamp);
  }
  return stamp;
}
