// First: the store starts opening while the rest of the popup's code is evaluated.
import './connection';
import { render } from 'preact';
import { uiLanguage } from '../platform/i18n';
import { App } from './App';
import { loadSnapshot } from './useStore';

document.documentElement.lang = uiLanguage();

/** Runs `then` once the next frame is painted: a task queued from an animation frame runs after it. */
function afterNextPaint(then: () => void): void {
  requestAnimationFrame(() => setTimeout(then));
}

// The store is opened and read before anything renders, so the first paint is the due list.
const root = document.getElementById('app');
if (root) {
  void loadSnapshot({ head: true }).then((initial) => {
    // Queued before rendering, so it runs ahead of the app's effects (which add the rest of the page).
    afterNextPaint(() => {
      performance.mark('touchbase:due-painted');
      afterNextPaint(() => performance.mark('touchbase:page-painted'));
    });
    render(<App initial={initial} />, root);
  });
}
