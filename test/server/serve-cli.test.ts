/** `storyline serve` refuses, before opening any store, to listen beyond loopback without a token. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

describe('storyline serve', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  const run = async (...args: string[]) => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const code = await main(['node', 'storyline', 'serve', ...args]);
    return { code, stderr: lines.join('') };
  };

  it.each([
    [['--host', '0.0.0.0'], /--host 0\.0\.0\.0: listening beyond loopback needs a token/],
    [['--host', '192.168.0.5', '--token', 'bad token'], /--token: .*letters, digits/],
    [['--port', 'eighty'], /--port: .*not a port/],
  ])('serve %j exits 2 with one line naming why', async (args, message) => {
    vi.stubEnv('STORYLINE_TOKEN', '');
    const { code, stderr } = await run(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
