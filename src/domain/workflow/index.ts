/** The grading workflow, decision order, submissions and review records (GUIDE.md §4), pure. */
export * from './stages.js';
export * from './authority.js';
export * from './order-rules.js';
export * from './submissions.js';
export * from './review-records.js';
export * from './calendar-overrides.js';
export * from './frozen.js';
