// Re-checks: is an archived article still where it was published? (DESIGN.md; issue 5.)
export { classifyFailure, classifyResponse, redirectedAway, type Classification, type CheckedArticle } from './classify.ts';
export { isConclusive, isRemovalEvidence, judge, REMOVAL_CHECKS, REMOVAL_SPAN_MS, type Verdict } from './evidence.ts';
export { BLOCK_PAGES, recognise, SOFT_NOT_FOUND, textSamples, type PagePattern } from './page-signals.ts';
export { emptyRecheckResult, runRechecks, scheduleNew, type RecheckDeps, type RecheckedPage } from './run-rechecks.ts';
export { ageOrigin, CONFIRM_AFTER_MS, DAY_MS, HOUR_MS, intervalForAge, nextCheckAt, SCHEDULE, type ScheduleStep } from './schedule.ts';
export type { CheckedRef, CheckErrorGroup, RecheckResult } from './types.ts';
