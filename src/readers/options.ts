// Reader limits, with their defaults in one place (docs/readers.md says what happens at each).

export interface ReaderOptions {
  /** Largest page (decoded payload bytes) a reader turns into a Page; larger -> `too_large`. */
  maxPageBytes: number;
  /** Largest output one gzip member (or gzipped file, or Content-Encoding body) may inflate to. */
  maxDecompressedBytes: number;
  /** Largest output/input ratio while inflating, checked once the output passes RATIO_FLOOR_BYTES. */
  maxCompressionRatio: number;
}

export const DEFAULT_READER_OPTIONS: Readonly<ReaderOptions> = Object.freeze({
  // The size limit named in issue 2 ("a page over a size limit (default 10 MB)").
  maxPageBytes: 10 * 1024 * 1024,
  // Large enough for a big non-HTML WARC record (video) to be skipped as such rather than flagged.
  maxDecompressedBytes: 1024 * 1024 * 1024,
  // HTML compresses about 4-12x; deflate cannot exceed ~1032x, which is where bombs sit.
  maxCompressionRatio: 100,
});

/** Below this much output the ratio is not checked: tiny, very repetitive pages are harmless. */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

export function readerOptions(partial: Partial<ReaderOptions> = {}): ReaderOptions {
  return { ...DEFAULT_READER_OPTIONS, ...partial };
}
