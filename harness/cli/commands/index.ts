/** Every CLI command, one file each. Add a command by importing its register function here. */
import type { Command } from 'commander';
import { register as registerSetup } from './setup.js';
import { register as registerUp } from './up.js';
import { register as registerDown } from './down.js';
import { register as registerStatus } from './status.js';

export type SetExit = (code: number) => void;
export type RegisterCommand = (program: Command, setExit: SetExit) => void;

export const COMMANDS: readonly RegisterCommand[] = [
  registerSetup,
  registerUp,
  registerDown,
  registerStatus,
];
