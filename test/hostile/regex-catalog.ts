// Every regular expression in src/, for the regex audit: literals are read from the source with the
// TypeScript parser (file:line known); patterns built at run time (`new RegExp(...)`) are caught by
// the collector worker, which counts them as they are constructed (regex-worker.ts).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface RegexEntry {
  source: string;
  flags: string;
  /** `src/x.ts:12` where it is written (or constructed). */
  where: string;
  /** Given worst cases (`unit` repeated to `length`), instead of those derived from the source. */
  cases?: Array<{ unit: string; length: number }>;
}

const ROOT = new URL('../../', import.meta.url).pathname;

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) tsFiles(path, out);
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** Regex literals in src/, each compiled from its text. */
export function regexLiterals(): RegexEntry[] {
  const out: RegexEntry[] = [];
  for (const file of tsFiles(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText(sf);
        const slash = literal.lastIndexOf('/');
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        out.push({ source: literal.slice(1, slash), flags: literal.slice(slash + 1), where: `${relative(ROOT, file)}:${line + 1}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/** One entry per distinct pattern (the same source and flags written twice is tested once). */
export function distinct(entries: readonly RegexEntry[]): RegexEntry[] {
  const seen = new Map<string, RegexEntry>();
  for (const e of entries) {
    const key = `${e.flags}/${e.source}`;
    const had = seen.get(key);
    if (had === undefined) seen.set(key, { ...e });
    else if (!had.where.split(', ').includes(e.where)) had.where += `, ${e.where}`;
  }
  return [...seen.values()];
}
