#!/usr/bin/env node
// Entry point of the `symbiose` command; the CLI is compiled to dist/ by `npm install`. Output
// failures (a closed pipe, a full disk) are the CLI's to report: exit 5, see cli/output.ts.
// Ctrl-C is heard from the first moment: the handler is installed before the CLI loads (it
// imports nothing), so a Ctrl-C at any time prints the cancelled message and exits 130.
import { listenForInterrupt } from '../dist/runtime/interrupt.js';

listenForInterrupt(async () => (await import('../dist/cli/main.js')).cancelledLine());
const { main } = await import('../dist/cli/main.js');

process.exitCode = await main(process.argv.slice(2));
