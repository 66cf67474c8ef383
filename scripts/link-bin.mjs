// Makes `npx symbiose` work from the repository root: npm links the bins of dependencies into
// node_modules/.bin, never the root package's own, so `npm install` (through `prepare`) adds it.
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';

mkdirSync('node_modules/.bin', { recursive: true });
rmSync('node_modules/.bin/symbiose', { force: true });
symlinkSync('../../bin/symbiose.js', 'node_modules/.bin/symbiose');
