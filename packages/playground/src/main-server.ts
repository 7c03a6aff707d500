/**
 * The served page's entry: reads the development app from the server, then starts the page over it. Without the
 * app's keys the page says so and why, rather than staying blank.
 */
import { startPlayground } from './app.js';
import { fetchDevApp, serverBackend } from './backend-server.js';
import { fill, h } from './dom.js';

const root = document.getElementById('app')!;
fetchDevApp().then(
  (app) => startPlayground(root, serverBackend(app)),
  (error: unknown) =>
    fill(
      root,
      h('h1', {}, 'ota-expr playground'),
      h(
        'p',
        { className: 'failure', attrs: { role: 'alert' } },
        `The page cannot search: ${error instanceof Error ? error.message : String(error)}. `,
        'Start the reference server on a loopback address with its development app (ota-expr-server --demo), ',
        'or open the static build (npm run build:static -w ota-expr-playground).',
      ),
    ),
);
