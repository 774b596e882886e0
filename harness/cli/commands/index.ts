/** Every CLI command, one file each. Add a command by importing its register function here. */
import type { Command } from 'commander';

export type SetExit = (code: number) => void;
export type RegisterCommand = (program: Command, setExit: SetExit) => void;

export const COMMANDS: readonly RegisterCommand[] = [];
