/** Rule sets as data and the pure functions that apply them (GUIDE.md §3). */
export * from './types.js';
export * from './sources.js';
export * from './grade-order.js';
export * from './rule-set-data.js';
export * from './rule-set.js';
export * from './eligibility.js';
export * from './triggers.js';
export * from './person-ceilings.js';
export * from './organisation.js';
export * from './score-bands.js';
export * from './cap.js';
export * from './highest-allowed-grade.js';
export * from './check-proposed-grade.js';
