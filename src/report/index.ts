export { renderQuestionBlock } from './question-block.ts';
export { toJsonReport, type JsonReport, type JsonQuestion, type JsonClaim } from './json-report.ts';
export { renderJUnit } from './junit.ts';
export { redactPrivateKeys, redactDeep } from './redact.ts';
