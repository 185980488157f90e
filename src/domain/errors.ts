/**
 * The one error type of the product, with its catalogue of codes. Each edge maps it once: the
 * server to an HTTP status and `{ error: { code, message: { vi, en } } }`, the CLI to a message on
 * stderr and exit code 1.
 */

export interface LocalisedMessage {
  vi: string;
  en: string;
}

/** HTTP status per error kind; the catalogue below assigns one kind to each code. */
const STATUS = { invalid: 400, unauthenticated: 401, forbidden: 403, notFound: 404, conflict: 409, tooLarge: 413, unprocessable: 422, tooMany: 429 } as const;
type ErrorKind = keyof typeof STATUS;

/** Every error code the product raises, with the kind that decides its HTTP status. */
export const ERROR_CODES = {
  ValidationFailed: 'invalid',
  BadJson: 'invalid',
  NotFound: 'notFound',
  UnitNotFound: 'notFound',
  CycleNotFound: 'notFound',
  PersonNotFound: 'notFound',
  CollectiveNotFound: 'notFound',
  PositionNotFound: 'notFound',
  EvaluationNotFound: 'notFound',
  DuplicateCode: 'conflict',
  DuplicateCardNumber: 'conflict',
  DuplicateCycle: 'conflict',
  DuplicateEvaluation: 'conflict',
  ParentNotValid: 'unprocessable',
  KindNotAllowed: 'unprocessable',
  TreeLocked: 'conflict',
  RestructureInvalid: 'unprocessable',
  PeriodInvalid: 'invalid',
  MembershipOverlap: 'conflict',
  MembershipNotFound: 'notFound',
  UnitNotValidOnDate: 'unprocessable',
  NotACell: 'unprocessable',
  NoRuleSet: 'unprocessable',
  RuleSetMismatch: 'unprocessable',
  GradeInvalid: 'invalid',
  SubjectMismatch: 'unprocessable',
  MemberNotInCell: 'unprocessable',
  Unauthenticated: 'unauthenticated',
  Forbidden: 'forbidden',
  CrossSiteRefused: 'forbidden',
  UserNotFound: 'notFound',
  DuplicateUsername: 'conflict',
  TooManySignIns: 'tooMany',
  PortUnavailable: 'conflict',
  Conflict: 'conflict',
  CalendarYearMissing: 'unprocessable',
  ReasonRequired: 'invalid',
  FormValuesInvalid: 'invalid',
  FileUnreadable: 'invalid',
  FileUnwritable: 'invalid',
  NotCompetentAuthority: 'forbidden',
  StageInvalid: 'conflict',
  GradeNotAllowed: 'unprocessable',
  JustificationRequired: 'unprocessable',
  OrderViolation: 'unprocessable',
  SubmissionLocked: 'conflict',
  SubmissionStateInvalid: 'conflict',
  ChildrenNotAccepted: 'unprocessable',
  SubjectsNotGraded: 'unprocessable',
  TemplateInvalid: 'unprocessable',
  PdfUnavailable: 'unprocessable',
  PdfFailed: 'unprocessable',
  PayloadTooLarge: 'tooLarge',
  Busy: 'tooMany',
} as const satisfies Record<string, ErrorKind>;
export type ErrorCode = keyof typeof ERROR_CODES;

/** An expected failure with a code from the catalogue and a message in Vietnamese and English. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messages: LocalisedMessage;
  /** The field, row or cell the error names, when there is one. */
  readonly field: string | undefined;
  readonly details: unknown;

  constructor(code: ErrorCode, messages: LocalisedMessage, options: { field?: string; details?: unknown } = {}) {
    super(messages.en);
    this.name = 'AppError';
    this.code = code;
    this.messages = messages;
    this.field = options.field;
    this.details = options.details;
  }

  /** The HTTP status this error maps to. */
  get status(): number {
    return STATUS[ERROR_CODES[this.code]];
  }
}

/** Shorthand for the common "X not found" errors. */
export function notFound(code: ErrorCode, what: LocalisedMessage, key: string): AppError {
  return new AppError(code, {
    vi: `Không tìm thấy ${what.vi} «${key}».`,
    en: `${what.en} "${key}" was not found.`,
  });
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
