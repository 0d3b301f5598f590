/**
 * What the CLI tests share: files written into a fresh temporary folder, stdout and stderr
 * captured around each test or one command (`main()` runs in process, so its writes are spied
 * on), and JSON Lines read back.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import { main } from '../src/cli/main.js';

/** A new temporary folder named after `label`, and a writer of files into it. */
export function tempFiles(label: string): {
  dir: string;
  file: (name: string, content: string | Buffer) => string;
} {
  const dir = mkdtempSync(path.join(tmpdir(), `storyline-${label}-`));
  const file = (name: string, content: string | Buffer): string => {
    const p = path.join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  return { dir, file };
}

/** Captures stdout and stderr for each test of the calling suite; read them through the getters. */
export function captureOutput(): { out: string; err: string } {
  const captured = { out: '', err: '' };
  beforeEach(() => {
    captured.out = '';
    captured.err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((captured.out += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((captured.err += String(chunk)), true));
  });
  afterEach(() => vi.restoreAllMocks());
  return captured;
}

/** Runs one `storyline` command in process and returns its exit code and output. */
export async function runCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const code = await main(['node', 'storyline', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

export const jsonLines = (text: string): Record<string, unknown>[] =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
