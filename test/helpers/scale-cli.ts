// The CLI with the scale-out commands registered (merge, worker), for the scale tests and the deploy
// scripts' local runs, until src/cli.ts registers them itself. Mirrors main() in src/cli.ts.
import { CommanderError } from 'commander';
import { registerScaleCommands } from '../../src/cli/scale.js';
import { buildProgram } from '../../src/cli.js';
import { UsageError } from '../../src/readers/errors.js';

let code = 0;
const setExit = (c: number): void => { code = c; };
const program = buildProgram(setExit);
if (program.commands.every((c) => c.name() !== 'merge')) registerScaleCommands(program, setExit);
try {
  await program.parseAsync(process.argv.slice(2), { from: 'user' });
} catch (err) {
  if (err instanceof CommanderError) code = err.exitCode === 0 ? 0 : 2;
  else {
    process.stderr.write(`newsift: ${err instanceof Error ? err.message : String(err)}\n`);
    code = err instanceof UsageError ? 2 : 1;
  }
}
process.exitCode = code;
