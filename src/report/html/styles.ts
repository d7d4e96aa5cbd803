/** The page's only styling: inline, readable printed or on screen, no web fonts. */
export const REPORT_CSS = `
:root { color-scheme: light; --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --muted: #57606a; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1100px; padding: 24px; color: #1f2328; }
h1 { font-size: 1.6em; margin: 0 0 4px; } h2 { font-size: 1.25em; margin: 0; } h3 { font-size: 1.05em; margin: 20px 0 8px; }
.meta, figcaption, .muted { color: var(--muted); font-size: 0.9em; }
section.question { border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 24px 0; }
.question-text { white-space: pre-wrap; background: #f6f8fa; border-radius: 6px; padding: 8px 12px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 0.92em; }
th, td { border: 1px solid var(--line); padding: 6px 8px; vertical-align: top; text-align: left; }
th { background: #f6f8fa; }
td, .question-text, .meta { overflow-wrap: anywhere; }
.v { font-weight: 600; white-space: nowrap; }
.v-confirmed { color: var(--ok); } .v-contradicted, .v-error { color: var(--bad); } .v-imprecise, .v-missing { color: var(--warn); } .v-unverifiable { color: var(--muted); }
.badge { display: inline-block; border-radius: 12px; padding: 1px 10px; font-size: 0.85em; border: 1px solid var(--line); margin-left: 8px; }
.since { font-size: 0.9em; color: var(--muted); margin-top: 4px; }
figure { margin: 16px 0; padding: 12px; border: 1px solid var(--line); border-radius: 6px; overflow-x: auto; }
pre.mermaid { margin: 0; background: none; }
ul.summary { columns: 2; }
`;
