#!/usr/bin/env node
// Entry point of the `symbiose` command; the CLI is compiled to dist/ by `npm install`.
// Ctrl-C is heard from the first moment: the handler is installed before the CLI loads (it
// imports nothing), so a Ctrl-C at any time prints the cancelled message and exits 130.
import { listenForInterrupt } from '../dist/runtime/interrupt.js';

listenForInterrupt(async () => (await import('../dist/cli/main.js')).cancelledLine());
const { main } = await import('../dist/cli/main.js');

process.stdout.on('error', (error) => {
  // `symbiose … | head` closes the pipe early: that is not a failure.
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
