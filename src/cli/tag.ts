/** `storyline tag`: not built yet. */
import type { Command } from 'commander';

export function registerTag(program: Command, setExit: (code: number) => void): void {
  program.command('tag').action(() => {
    process.stderr.write('storyline tag: not implemented yet\n');
    setExit(2);
  });
}
