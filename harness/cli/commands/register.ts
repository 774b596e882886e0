/** The contract every command file keeps: a register function that adds its command(s) to the program. */
import type { Command } from 'commander';

export type SetExit = (code: number) => void;
export type RegisterCommand = (program: Command, setExit: SetExit) => void;
