#!/usr/bin/env node
// Entry point of the `symbiose` command; the CLI is compiled to dist/ by `npm install`.
import { main } from '../dist/cli/main.js';

process.stdout.on('error', (error) => {
  // `symbiose … | head` closes the pipe early: that is not a failure.
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
