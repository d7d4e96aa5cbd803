export { parseJournal, detectEol, type JournalDocument } from './parse-journal.ts';
export { readJournal, sha256 } from './read-journal.ts';
export { findResultBlocks, beginMarker, endMarker, type ResultBlock } from './result-markers.ts';
export { applyResultBlocks, writeJournalResults, type BlockToWrite } from './write-results.ts';
