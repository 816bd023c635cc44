import type { Settings } from '../domain/settings';

const stamps = new WeakMap<Settings, string>();

/**
 * A short fingerprint of the settings a chip or card was drawn with: a renamed or recoloured stage
 * changes no prospect, yet must redraw every chip. Computed once per settings object (one per lookup).
 */
export function settingsStamp(settings: Settings): string {
  let stamp = stamps.get(settings);
  if (stamp === undefined) {
    const text = JSON.stringify(settings);
    let hash = 5381; // djb2: enough to tell two settings records apart, not a security hash
    for (let i = 0; i < text.length; i++) hash = ((hash << 5) + hash + text.charCodeAt(i)) | 0;
    stamp = (hash >>> 0).toString(36);
    stamps.set(settings, stamp);
  }
  return stamp;
}
