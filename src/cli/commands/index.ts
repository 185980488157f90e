/** Every CLI command, in the order `xeploai --help` lists them. Add new commands here. */
import type { CliCommand } from '../command.js';
import { dbMigrate } from './db-migrate.js';
import { demoLoad } from './demo-load.js';
import { demoRestructure } from './demo-restructure.js';
import { formsCheck } from './forms-check.js';
import { formsExport } from './forms-export.js';
import { formsImport } from './forms-import.js';
import { reportCommand } from './report.js';
import { reportTemplateDownload, reportTemplateUpload } from './report-template.js';
import { serve } from './serve.js';
import { submissionsCommand, submissionsSubmit } from './submissions.js';
import { eligibilityCompute } from './eligibility.js';
import { gradeAppraise, gradeAudit, gradeCheck, gradeDecide, gradePropose, gradePublish, gradeRegrade, reviewRecordsCommand } from './grade.js';
import { verifyCommand } from './verify.js';
import { collectiveMembers, collectiveSeat, collectiveUnseat, eventAdd, factsClear, factsList, factsSet } from './facts.js';
import { importCommand } from './import.js';
import { importTemplate } from './import-template.js';
import { exportCommand } from './export.js';
import { userCreate } from './user-create.js';
import { userDisable } from './user-disable.js';
import { userList } from './user-list.js';
import { userEnable } from './user-enable.js';
import { userResetPassword } from './user-reset-password.js';
import { userUnlock } from './user-unlock.js';
import { auditExport, auditVerify } from './audit.js';
import { backupCommand, restoreCommand } from './backup.js';

export const commands: readonly CliCommand[] = [dbMigrate, demoLoad, demoRestructure, importCommand, importTemplate, exportCommand, formsCheck, reportCommand, reportTemplateDownload, reportTemplateUpload, formsExport, formsImport, verifyCommand, submissionsCommand, submissionsSubmit, eligibilityCompute, gradeCheck, gradePropose, gradeAppraise, gradeDecide, gradePublish, gradeRegrade, gradeAudit, reviewRecordsCommand, factsList, factsSet, factsClear, eventAdd, collectiveMembers, collectiveSeat, collectiveUnseat, serve, userCreate, userList, userDisable, userEnable, userUnlock, userResetPassword, auditVerify, auditExport, backupCommand, restoreCommand];
