#!/usr/bin/env node
/** The gitops-lab executable: the only place that sets the process's exit code. */
import { main } from './program.js';

process.exitCode = await main(process.argv.slice(2));
