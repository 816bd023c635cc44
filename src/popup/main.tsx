import { render } from 'preact';
import { uiLanguage } from '../platform/i18n';
import { App } from './App';
import { loadSnapshot } from './useStore';

// The moment our code starts, for `npm run bench` (paint time is measured from here).
performance.mark('touchbase:popup-start');

document.documentElement.lang = uiLanguage();

// The store is opened and read before anything renders, so the first paint is the due list.
const root = document.getElementById('app');
if (root) {
  void loadSnapshot({ head: true }).then((initial) => {
    render(<App initial={initial} />, root);
    // A task queued from an animation frame runs once that frame has painted.
    requestAnimationFrame(() => setTimeout(() => performance.mark('touchbase:due-painted')));
  });
}
