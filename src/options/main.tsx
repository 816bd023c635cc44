import { render } from 'preact';
import { uiLanguage } from '../platform/i18n';
import { Options } from './Options';

document.documentElement.lang = uiLanguage();
const root = document.getElementById('app');
if (root) render(<Options />, root);
