// Commands that read a finished output folder: export, search, serve, events, explain-duplicate.
// Each is a thin shell over a library function.
import { type Command, Option } from 'commander';
import { explainDuplicate, formatExplanation } from '../dedup/index.js';
import { formatEvents, listEvents } from '../enrich/index.js';
import { serve } from '../server/serve.js';
import { EXPORT_FORMATS, type ExportFormat, exportCorpus } from '../store/export.js';
import { searchCommand } from '../store/search-command.js';

function write(text: string): void {
  process.stdout.write(text.endsWith('\n') || text.length === 0 ? text : `${text}\n`);
}

export function registerCorpusCommands(program: Command, setExit: (code: number) => void, parseInt: (v: string) => number): void {
  program.command('export')
    .description('export the corpus in DIR as Parquet, JSONL or CSV')
    .argument('<dir>', 'output folder of newsift run')
    .addOption(new Option('--format <format>', 'file format').choices([...EXPORT_FORMATS]).default('parquet'))
    .option('-o, --output <file>', 'file to write (- for stdout with jsonl/csv); default DIR/export/articles.FORMAT')
    .action(async (dir: string, flags: { format: ExportFormat; output?: string }) => {
      const result = await exportCorpus(dir, { format: flags.format, ...(flags.output !== undefined && { output: flags.output }) });
      if (result.path !== '-') process.stderr.write(`wrote ${result.records} records to ${result.path}\n`);
      setExit(0);
    });

  program.command('search')
    .description('full-text search of the corpus in DIR (bm25 ranking, highlighted snippets)')
    .argument('<dir>', 'output folder of newsift run')
    .argument('<query>', 'search terms (FTS5 syntax: words, "phrases", OR, prefix*)')
    .option('--language <code>', 'only this language')
    .option('--site-name <name>', 'only this site')
    .option('--from <date>', 'published on or after (YYYY-MM-DD)')
    .option('--to <date>', 'published on or before (YYYY-MM-DD)')
    .option('--page-type <type>', 'only this page type')
    .option('--limit <n>', 'results to show (default 10)', parseInt)
    .option('--json', 'print the results as JSON')
    .action(async (dir: string, query: string, flags: { language?: string; siteName?: string; from?: string; to?: string; pageType?: string; limit?: number; json?: boolean }) => {
      write(await searchCommand(dir, query, {
        ...(flags.language !== undefined && { language: flags.language }),
        ...(flags.siteName !== undefined && { site_name: flags.siteName }),
        ...(flags.from !== undefined && { from: flags.from }),
        ...(flags.to !== undefined && { to: flags.to }),
        ...(flags.pageType !== undefined && { page_type: flags.pageType }),
        ...(flags.limit !== undefined && { limit: flags.limit }),
        json: flags.json ?? false,
        color: process.stdout.isTTY === true,
      }));
      setExit(0);
    });

  program.command('serve')
    .description('serve the HTTP API and web UI for the corpus in DIR')
    .argument('<dir>', 'output folder of newsift run')
    .option('--host <host>', 'address to bind (default 127.0.0.1; anything else exposes the corpus)', '127.0.0.1')
    .option('--port <port>', 'port (default 8080; 0 picks a free one)', (v) => Number(v), 8080)
    .option('--token <token>', 'require this bearer token on every request')
    .action(async (dir: string, flags: { host: string; port: number; token?: string }) => {
      const server = await serve(dir, { host: flags.host, port: flags.port, ...(flags.token !== undefined && { token: flags.token }) });
      process.stdout.write(`newsift serving ${dir} at ${server.url}${flags.token !== undefined ? '/?token=…' : '/'} (Ctrl-C to stop)\n`);
      await new Promise<void>((resolve) => {
        const stop = (): void => { void server.close().then(resolve); };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      setExit(0);
    });

  program.command('events')
    .description('list events (meetings, visits, calls, talks, summits), copies of one story merged')
    .argument('<dir>', 'output folder of newsift run')
    .option('--from <date>', 'on or after this local day (YYYY-MM-DD)')
    .option('--to <date>', 'on or before this local day (YYYY-MM-DD)')
    .option('--person <name>', 'with a participant whose name contains this')
    .option('--place <name>', 'at a place whose name or country contains this')
    .option('--json', 'print the events as JSON')
    .action(async (dir: string, flags: { from?: string; to?: string; person?: string; place?: string; json?: boolean }) => {
      const { json, ...filters } = flags;
      const events = await listEvents(dir, filters);
      write(json === true ? JSON.stringify(events, null, 2) : formatEvents(events));
      setExit(0);
    });

  program.command('explain-duplicate')
    .description('show why two records were or were not merged as duplicates')
    .argument('<dir>', 'output folder of newsift run')
    .argument('<id1>').argument('<id2>')
    .option('--json', 'print the explanation as JSON')
    .action(async (dir: string, id1: string, id2: string, flags: { json?: boolean }) => {
      const explanation = await explainDuplicate(dir, id1, id2);
      write(flags.json === true ? JSON.stringify(explanation, null, 2) : formatExplanation(explanation));
      setExit(0);
    });
}
