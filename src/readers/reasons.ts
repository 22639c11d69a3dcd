// The stable reason codes readers put on a Rejection (documented in docs/reasons.md, Rejections).

export const REJECT = {
  /** The file could not be opened or read (permissions, I/O error, vanished after the check). */
  unreadable_input: 'unreadable_input',
  /** The file (or stdin) holds no bytes. */
  empty_input: 'empty_input',
  /** The bytes match none of the supported formats. */
  unknown_format: 'unknown_format',
  /** An .html/.txt file (or HTML payload) holds binary data, not text. */
  binary_content: 'binary_content',
  /** A page is larger than `maxPageBytes`. */
  too_large: 'too_large',
  /** Decompressed output passed `maxDecompressedBytes` or the ratio passed `maxCompressionRatio`. */
  decompression_limit: 'decompression_limit',
  /** A gzip stream or member could not be inflated (bad header, bad data, CRC mismatch). */
  corrupt_gzip: 'corrupt_gzip',
  /** A WARC record ends before its Content-Length (cut-off download). */
  truncated_record: 'truncated_record',
  /** Bytes where a WARC record should start, a bad header, or a Content-Length that does not fit. */
  malformed_record: 'malformed_record',
  /** A WARC response/resource whose payload is not HTML (image, PDF, JSON, ...). */
  non_html_payload: 'non_html_payload',
  /** A WARC revisit record: it points at an earlier capture and carries no page of its own. */
  revisit_record: 'revisit_record',
  /** A JSONL line that is not a JSON object with a string `html` or `text`. */
  bad_jsonl_line: 'bad_jsonl_line',
} as const;

export type RejectReason = (typeof REJECT)[keyof typeof REJECT];
