import { render } from 'preact';
render(<p>Touchbase</p>, document.getElementById('app')!);
