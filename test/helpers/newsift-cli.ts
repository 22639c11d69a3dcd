// Runs the CLI from source (through tsx), exactly as bin/newsift.js runs the built one.
import { main } from '../../src/cli.js';

process.exitCode = await main(process.argv.slice(2));
