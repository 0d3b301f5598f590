/** `storyline demo`: not built yet. */
import type { Command } from 'commander';

export function registerDemo(program: Command, setExit: (code: number) => void): void {
  program.command('demo').action(() => {
    process.stderr.write('storyline demo: not implemented yet\n');
    setExit(2);
  });
}
