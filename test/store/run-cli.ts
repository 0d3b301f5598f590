// The CLI from source, for tests that need a real process (kill, concurrency): `node --import tsx run-cli.ts ARGS`.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv);
