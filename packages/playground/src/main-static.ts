/** The static build's entry: the page over the bundled demo data (no server, no network). */
import { startPlayground } from './app.js';
import { staticBackend } from './backend-static.js';

startPlayground(document.getElementById('app')!, staticBackend());
