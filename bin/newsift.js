#!/usr/bin/env -S node --single-threaded-gc
// Thin launcher: the CLI lives in the compiled library (dist/cli.js). V8's GC helper threads compete
// with the worker threads for the cores (each isolate brings its own); with GC on the thread that
// needs it, 2 threads on 2 cores give 1.83x one thread instead of 1.49x (bench/scale.ts).
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
