import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../engine/index.js';
import { writeChunks, writeFileChunks } from './output.js';

/** Three chunks; the controller is aborted when the second is asked for. */
function* abortingAtSecond(controller: AbortController): Generator<string> {
  yield 'one,';
  controller.abort();
  yield 'two,';
  yield 'three';
}

describe('writing output chunk by chunk', () => {
  it('writes a file whole, in place of the old one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-output-'));
    const file = join(dir, 'out.csv');
    writeFileSync(file, 'before');
    await writeFileChunks(file, ['a,', 'b,', 'c'], new AbortController().signal);
    expect(readFileSync(file, 'utf8')).toBe('a,b,c');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('leaves the file as it was, and nothing aside, when stopped midway', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-output-'));
    const file = join(dir, 'out.csv');
    writeFileSync(file, 'before');
    const controller = new AbortController();
    await expect(writeFileChunks(file, abortingAtSecond(controller), controller.signal)).rejects.toBeInstanceOf(CancelledError);
    expect(readFileSync(file, 'utf8')).toBe('before');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('stops writing to a stream when stopped', async () => {
    const stream = new PassThrough();
    let written = '';
    stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
    const controller = new AbortController();
    await expect(writeChunks(stream, abortingAtSecond(controller), controller.signal)).rejects.toBeInstanceOf(CancelledError);
    expect(written).toBe('one,');
  });
});
