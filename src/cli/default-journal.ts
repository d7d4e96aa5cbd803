import path from 'node:path';
import { PROJECT_ROOT } from '../project-root.ts';

/** The journal shipped with the project, used when --journal is not given. */
export const DEFAULT_JOURNAL = path.join(PROJECT_ROOT, 'journals', 'journal-week.md');
