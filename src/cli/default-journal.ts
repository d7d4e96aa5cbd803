import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The journal shipped with the project, used when --journal is not given. */
export const DEFAULT_JOURNAL = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../journals/journal-week.md');
