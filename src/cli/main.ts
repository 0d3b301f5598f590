/**
 * The `storyline` command line: the only place (with the server) that prints, reads the
 * environment or exits. Each command lives in its own file and is registered here. A throw
 * that escapes a command (a bug: commands report bad input themselves) ends as one stderr line
 * and exit code 1, with the stack only under `--debug`.
 */
import { Command, CommanderError } from 'commander';
import { limitHeapGrowth } from '../pipeline/index.js';
import { registerAnalyze } from './analyze.js';
import { registerArticles } from './articles.js';
import { registerDemo } from './demo.js';
import { registerServe } from './serve.js';
import { registerExport } from './export.js';
import { registerIngest } from './ingest.js';
import { registerSearch } from './search.js';
import { registerStats } from './stats.js';
import { registerEntity } from './entity.js';
import { registerLink } from './link.js';
import { registerStories } from './stories.js';
import { registerTag } from './tag.js';
import { registerQueue } from './queue.js';
import { registerWorker } from './worker.js';
import { indentedStack } from './failure-line.js';

export async function main(argv: readonly string[]): Promise<number> {
  limitHeapGrowth();
  const program = new Command('storyline')
    .description('Read raw news and return who did what to whom, when and where.')
    .version('0.1.0')
    .option('--debug', 'print the stack of any failure a bug caused')
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
  registerLink(program, setExit);
  registerEntity(program, setExit);
  registerStories(program, setExit);
  registerWorker(program, setExit);
  registerQueue(program, setExit);
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    const stack = argv.includes('--debug') && err instanceof Error ? indentedStack(err.stack) : '';
    process.stderr.write(`storyline: internal error: ${message}\n${stack}`);
    return 1;
  }
  return code;
}
