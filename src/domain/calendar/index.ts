/** The working-day calendar (GUIDE.md §4.9): holiday data and pure date functions. */
export * from './iso-date.js';
export * from './holiday-data.js';
export * from './working-calendar.js';
export * from './submission-timing.js';
