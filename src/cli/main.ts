/**
 * The `storyline` command line: the only place (with the server) that prints, reads the
 * environment or exits. Each command lives in its own file and is registered here.
 */
import { Command, CommanderError } from 'commander';
import { registerAnalyze } from './analyze.js';
import { registerArticles } from './articles.js';
import { registerDemo } from './demo.js';
import { registerServe } from './serve.js';
import { registerExport } from './export.js';
import { registerIngest } from './ingest.js';
import { registerSearch } from './search.js';
import { registerStats } from './stats.js';
import { registerTag } from './tag.js';

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('storyline')
    .description('Read raw news and return who did what to whom, when and where.')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  let code = 0;
  const setExit = (c: number): void => {
    code = Math.max(code, c);
  };
  registerAnalyze(program, setExit);
  registerDemo(program, setExit);
  registerServe(program, setExit);
  registerTag(program, setExit);
  registerIngest(program, setExit);
  registerSearch(program, setExit);
  registerExport(program, setExit);
  registerStats(program, setExit);
  registerArticles(program, setExit);
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    throw err;
  }
  return code;
}
