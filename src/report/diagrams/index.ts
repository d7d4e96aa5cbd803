import { albPathDiagram, tiersDiagram } from './architecture.ts';
import type { Diagram } from './diagram.ts';
import { healthTimelineDiagram } from './health-timeline.ts';
import { tcpHandshakeDiagram } from './tcp-handshake.ts';
import { tlsHandshakeDiagrams } from './tls-handshake.ts';

export type { Diagram } from './diagram.ts';

type Draw = (evidence: unknown) => Diagram | Diagram[] | undefined;

/**
 * Which lab question's block shows which drawings, and from which lab's evidence. Keyed by the lab question (a
 * second journal question about it, `handshakes/connection.2`, gets none: the drawing is the same).
 */
const DRAWINGS: Record<string, { lab: string; draw: Draw[] }> = {
  'handshakes/connection': { lab: 'handshakes', draw: [tcpHandshakeDiagram, tlsHandshakeDiagrams] },
  'two-tier/remote-state': { lab: 'two-tier', draw: [tiersDiagram] },
  'two-tier/alb-end-to-end-tls': { lab: 'two-tier', draw: [albPathDiagram] },
  'two-tier/alb-components': { lab: 'two-tier', draw: [albPathDiagram] },
  'health-twin/healthy-targets': { lab: 'health-twin', draw: [healthTimelineDiagram] },
};

/** The diagrams a question's block carries, drawn from this run's evidence; none when the evidence is missing. */
export function diagramsForQuestion(questionKey: string, evidence: Readonly<Record<string, unknown>>): Diagram[] {
  const spec = DRAWINGS[questionKey];
  if (!spec || !(spec.lab in evidence)) return [];
  const labEvidence = evidence[spec.lab];
  return spec.draw.flatMap((draw) => {
    const drawn = draw(labEvidence);
    return drawn === undefined ? [] : Array.isArray(drawn) ? drawn : [drawn];
  });
}

/** Every diagram this run's evidence can draw, once each (for the shared page and the parser test). */
export function allDiagrams(evidence: Readonly<Record<string, unknown>>): Diagram[] {
  const seen = new Set<string>();
  return Object.keys(DRAWINGS).flatMap((key) => diagramsForQuestion(key, evidence)).filter((d) => !seen.has(d.id) && seen.add(d.id));
}
