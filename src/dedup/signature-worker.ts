// Worker-thread entry: computes the signature folder of one group of input byte ranges (see
// computeSignaturesParallel in parallel.ts) and posts its manifest back.

import { parentPort, workerData } from 'node:worker_threads';
import type { InputSpec } from './io.js';
import type { DedupParams } from './params.js';
import { computeSignatures } from './signatures.js';

const { inputs, dir, params } = workerData as { inputs: InputSpec[]; dir: string; params: DedupParams };
parentPort!.postMessage(await computeSignatures(inputs, dir, params));
