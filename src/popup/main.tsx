import { render } from 'preact';
import { App } from './App';

// The moment our code starts, for `npm run bench` (paint time is measured from here).
performance.mark('touchbase:popup-start');

const root = document.getElementById('app');
if (root) render(<App />, root);
