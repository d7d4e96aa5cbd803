import type { AnswerJudgement } from '../../src/model/judge-answer.ts';
import { judgeAnswer } from '../../src/model/judge-answer.ts';
import type { HealthTwinEvidence } from './evidence.ts';
export function judgeHealthAnswer(statements: readonly string[], evidence: HealthTwinEvidence): AnswerJudgement {
  return judgeAnswer(statements, evidence, []);
}
