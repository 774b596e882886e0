/** Every CLI command's register function. Add a command by importing its register function here. */
import { register as catalog } from './catalog.js';
import { register as gitServe } from './git-serve.js';
import { register as grade } from './grade.js';
import { register as lint } from './lint.js';
import { register as record } from './record.js';
import { register as recordChanges } from './record-changes.js';
import { register as regrade } from './regrade.js';
import { register as report } from './report.js';
import { register as schema } from './schema.js';
import { register as start } from './start.js';
import { register as validate } from './validate.js';
import { register as watch } from './watch.js';
import { register as registerSetup } from './setup.js';
import { register as registerUp } from './up.js';
import { register as registerDown } from './down.js';
import { register as registerStatus } from './status.js';
import { register as stop } from './stop.js';
import { register as classCommands } from './class.js';

import type { RegisterCommand } from './register.js';

export type { RegisterCommand, SetExit } from './register.js';

export const COMMANDS: readonly RegisterCommand[] = [
  catalog,
  start,
  grade,
  stop,
  classCommands,
  regrade,
  report,
  lint,
  record,
  gitServe,
  recordChanges,
  validate,
  watch,
  schema,
  registerSetup,
  registerUp,
  registerDown,
  registerStatus,
];
