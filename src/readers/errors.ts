// Errors that encode policy: a UsageError stops the run before any work (the CLI exits 2 with its
// message); everything wrong inside an input is a Rejection, never an exception.

/** The command line named something that cannot be used (e.g. a path that does not exist). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
