/** Every CLI command, in the order `xeploai --help` lists them. Add new commands here. */
import type { CliCommand } from '../command.js';
import { dbMigrate } from './db-migrate.js';
import { demoLoad } from './demo-load.js';
import { formsCheck } from './forms-check.js';
import { serve } from './serve.js';

export const commands: readonly CliCommand[] = [dbMigrate, demoLoad, formsCheck, serve];
