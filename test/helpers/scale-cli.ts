// The CLI run from source (under tsx) for the scale tests and the bench's separate processes: the
// same main() that bin/newsift.js runs from dist/, without needing a build.
import { main } from '../../src/cli.js';

process.exitCode = await main(process.argv.slice(2));
