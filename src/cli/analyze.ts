/** `storyline analyze`: not built yet. */
import type { Command } from 'commander';

export function registerAnalyze(program: Command, setExit: (code: number) => void): void {
  program.command('analyze').action(() => {
    process.stderr.write('storyline analyze: not implemented yet\n');
    setExit(2);
  });
}
