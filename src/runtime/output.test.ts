import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../engine/index.js';
import { writeChunks } from './output.js';

/** Three chunks; the controller is aborted when the second is asked for. */
function* abortingAtSecond(controller: AbortController): Generator<string> {
  yield 'one,';
  controller.abort();
  yield 'two,';
  yield 'three';
}

describe('writing output to a stream chunk by chunk', () => {
  it('stops writing to a stream when stopped', async () => {
    const stream = new PassThrough();
    let written = '';
    stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
    const controller = new AbortController();
    await expect(writeChunks(stream, abortingAtSecond(controller), controller.signal)).rejects.toBeInstanceOf(CancelledError);
    expect(written).toBe('one,');
  });
});
