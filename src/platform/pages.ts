import { extensionApi as browser } from './extensionApi';

/** Opens Touchbase's options page in a tab (or focuses it when already open). */
export function openOptionsPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}
