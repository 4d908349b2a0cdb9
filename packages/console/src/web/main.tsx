import { render } from 'preact';

render(<p>PlexMCP console</p>, document.getElementById('app')!);
