#!/usr/bin/env node
// The command line (src/cli.ts), built to dist/ by `npm run build` (which `npm ci` runs in this repository).
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
