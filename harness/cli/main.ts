#!/usr/bin/env node
/**
 * The gitops-lab executable: the only place that decides how the process ends. SIGINT and SIGTERM, during any
 * command, undo what is half made and remove scratch directories (harness/scratch.ts), then exit 130 or 143.
 */
import { installSignalCleanup } from '../scratch.js';
import { main } from './program.js';

installSignalCleanup((signal) => process.exit(signal === 'SIGINT' ? 130 : 143));
process.exitCode = await main(process.argv.slice(2));
