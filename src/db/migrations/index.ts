/** The migration set, in order. Shared by both engines; each file is frozen once it has landed. */
import type { Migration } from 'kysely';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-form-counts.js';
import * as m0003 from './0003-users.js';
import * as m0004 from './0004-workflow.js';
import * as m0005 from './0005-reports.js';
import * as m0006 from './0006-workflow-facts.js';
import * as m0010 from './0010-restructurings.js';
import * as m0019 from './0019-versions.js';
import * as m0020 from './0020-rule-facts.js';
import * as m0025 from './0025-sign-in-throttle.js';
import * as m0026 from './0026-audit-log.js';
import * as m0028 from './0028-scale.js';
import * as m0030 from './0030-ungraded-exceptions.js';
import * as m0045 from './0045-shared-state.js';

export const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-form-counts': m0002,
  '0003-users': m0003,
  '0004-workflow': m0004,
  '0005-reports': m0005,
  '0006-workflow-facts': m0006,
  '0010-restructurings': m0010,
  '0019-versions': m0019,
  '0020-rule-facts': m0020,
  '0025-sign-in-throttle': m0025,
  '0026-audit-log': m0026,
  '0028-scale': m0028,
  '0030-ungraded-exceptions': m0030,
  '0045-shared-state': m0045,
};
