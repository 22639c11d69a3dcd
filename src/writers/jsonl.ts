// JSONL output written atomically: lines go to FILE.tmp, which replaces FILE only when complete, so a
// reader (or a killed run) never sees half a file.
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';

export class AtomicJsonlWriter {
  readonly path: string;
  readonly #tmp: string;
  readonly #out: WriteStream;
  count = 0;

  constructor(path: string) {
    this.path = path;
    this.#tmp = `${path}.tmp`;
    this.#out = createWriteStream(this.#tmp, { encoding: 'utf8' });
  }

  write(value: unknown): Promise<void> | void {
    this.count += 1;
    if (!this.#out.write(`${JSON.stringify(value)}\n`)) {
      return new Promise((resolve) => this.#out.once('drain', resolve));
    }
  }

  async commit(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.#out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    await rename(this.#tmp, this.path);
  }

  /** Closes the file (letting writes already handed to the file system finish: destroying the
   *  stream under them raises an unhandled error) and removes it. */
  async abandon(): Promise<void> {
    await new Promise<void>((resolve) => this.#out.end(() => resolve()));
    await rm(this.#tmp, { force: true });
  }
}
