import { describe, expect, it } from 'vitest';
import { toJsonReport } from '../../src/report/json-report.ts';
import { renderJUnit } from '../../src/report/junit.ts';
import { claim, NASTY, PRIVATE_KEY, question, run } from './builders.ts';

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * A deliberately strict little XML reader, enough to prove well-formedness of what renderJUnit writes: balanced
 * tags, quoted attributes, only the five named entities and numeric references, nothing raw that needs escaping.
 */
function parseXml(xml: string): XmlElement {
  const decode = (s: string) => {
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(s)) throw new Error(`bare & in ${JSON.stringify(s)}`);
    if (/[<>]/.test(s)) throw new Error(`raw < or > in ${JSON.stringify(s)}`);
    return s.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (_, e: string) =>
      e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e]!,
    );
  };
  let rest = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  if (rest === xml) throw new Error('missing XML declaration');
  const root: XmlElement = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  const TAG = /^<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>/;
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    const text = lt === -1 ? rest : rest.slice(0, lt);
    stack[stack.length - 1].text += decode(text);
    if (lt === -1) break;
    rest = rest.slice(lt);
    const m = TAG.exec(rest);
    if (!m) throw new Error(`malformed tag at ${JSON.stringify(rest.slice(0, 40))}`);
    rest = rest.slice(m[0].length);
    const [, closing, name, attrText, selfClosing] = m;
    if (closing) {
      const top = stack.pop();
      if (top?.name !== name) throw new Error(`</${name}> closes <${top?.name}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([\w-]+)="([^"]*)"/g)) {
      if (a[1] in attrs) throw new Error(`duplicate attribute ${a[1]}`);
      attrs[a[1]] = decode(a[2]);
    }
    const el: XmlElement = { name, attrs, children: [], text: '' };
    stack[stack.length - 1].children.push(el);
    if (!selfClosing) stack.push(el);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  if (root.children.length !== 1 || root.text.trim() !== '') throw new Error('not exactly one root element');
  return root.children[0];
}

const all = (el: XmlElement, name: string): XmlElement[] => [
  ...el.children.filter((c) => c.name === name),
  ...el.children.flatMap((c) => all(c, name)),
];

describe('renderJUnit', () => {
  const claims = [
    claim('confirmed'),
    claim('contradicted', { claim: NASTY, explanation: NASTY }),
    claim('imprecise', { aspect: 'Finished' }),
    claim('missing'),
    claim('error'),
    claim('unverifiable'),
  ];
  const report = run([
    question({ claims, verdict: 'contradicted' }),
    question({ key: 'none/x', verdict: 'no-answer', claims: [] }),
    question({ key: 'lb/q2', number: null, claims: [claim('confirmed')], verdict: 'confirmed' }),
  ]);

  it('is well-formed and maps verdicts to JUnit outcomes', () => {
    const xml = renderJUnit(report);
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({ tests: '7', failures: '3', errors: '1', skipped: '1' });
    const suites = all(root, 'testsuite');
    expect(suites.map((s) => s.attrs.id)).toEqual(['tcp-tls/connection', 'lb/q2']);
    expect(suites[0].attrs).toMatchObject({ tests: '6', failures: '3', errors: '1', skipped: '1' });
    const cases = all(suites[0], 'testcase');
    expect(cases.map((c) => c.children.map((ch) => ch.name).join())).toEqual([
      'system-out',
      'failure',
      'failure',
      'failure',
      'error',
      'skipped',
    ]);
    expect(cases[2].attrs.name).toBe('The learner says something imprecise. [Finished]');
    expect(suites[1].attrs.name).toBe('System Architecture Q?: In terms of network connection, describe the following;');
  });

  it('escapes text and attributes so they read back exactly (minus characters XML cannot hold)', () => {
    const root = parseXml(renderJUnit(report));
    const nasty = all(root, 'testcase')[1];
    const expected = NASTY.replace('\u0007', '');
    expect(nasty.attrs.name).toBe(expected);
    expect(nasty.children[0].attrs.message).toBe(expected);
    expect(nasty.children[0].text).toContain(`contradicted: ${expected}`);
  });

  it('is deterministic and redacts private keys', () => {
    const secret = run([question({ claims: [claim('error', { explanation: `oops ${PRIVATE_KEY}` })] })]);
    const xml = renderJUnit(secret);
    expect(renderJUnit(structuredClone(secret))).toBe(xml);
    expect(xml).not.toMatch(/PRIVATE KEY|MIIEvQ/);
    expect(xml).toContain('[redacted]');
  });
});

describe('toJsonReport', () => {
  it('keeps the documented shape and summarises verdicts', () => {
    const r = run([question({ unjudged: ['u'] }), question({ key: 'x/y', verdict: 'no-lab', labs: [], claims: [] })]);
    const json = toJsonReport(r);
    expect(Object.keys(json)).toEqual(['journal', 'target', 'date', 'summary', 'questions', 'evidence']);
    expect(json.summary).toEqual({ questions: { 'no-lab': 1, 'partly-confirmed': 1 }, claims: { confirmed: 1, imprecise: 1 } });
    expect(json.questions[0]).toEqual({
      key: 'tcp-tls/connection',
      section: 'System Architecture',
      number: 1,
      question: 'In terms of network connection, describe the following;\n* TCP handshake',
      labs: ['tcp-tls'],
      verdict: 'partly-confirmed',
      claims: [
        {
          claim: 'The learner says something confirmed.',
          verdict: 'confirmed',
          explanation: 'Because the evidence shows it is confirmed.',
          evidence: [{ kind: 'capture', summary: '3 packets for confirmed', data: { packets: 3 } }],
          sources: [{ title: 'RFC 9293 §3.5', url: 'https://www.rfc-editor.org/rfc/rfc9293#section-3.5' }],
        },
        expect.objectContaining({ aspect: 'Server Key Exchange', verdict: 'imprecise' }),
      ],
      unjudged: ['u'],
    });
    expect(json.evidence).toEqual(r.evidence);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('redacts private keys anywhere, evidence snapshots included, without touching the input', () => {
    const r = run([question({ claims: [claim('confirmed', { evidence: [{ kind: 'pem', summary: 's', data: { pem: PRIVATE_KEY } }] })] })]);
    r.evidence = { lab: { nested: [{ key: PRIVATE_KEY }] } };
    const text = JSON.stringify(toJsonReport(r));
    expect(text).not.toMatch(/PRIVATE KEY|MIIEvQ/);
    expect(text.match(/\[redacted\]/g)).toHaveLength(2);
    expect(JSON.stringify(r)).toContain('BEGIN PRIVATE KEY');
  });
});
