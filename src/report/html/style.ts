/**
 * The report stylesheet, embedded in every page so that a report is one self-contained file per page.
 * Readable line length, system fonts, tabular numbers, status badges that carry text as well as colour,
 * and print rules (no navigation, figures and tables not split across pages).
 */
export const STYLESHEET = `
:root { --ink: #222; --muted: #5f5f5f; --rule: #d6d6d6; --bg-soft: #f6f6f4; --link: #0b5cad;
  --pass: #0a6b3d; --pass-bg: #dff3e8; --fail: #a1260d; --fail-bg: #fbe3dc; --warn: #7a5300; --warn-bg: #fdf0cf;
  --skip: #4d4d4d; --skip-bg: #ececec; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem 1.25rem 3rem; color: var(--ink); background: #fff;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
header.page { border-bottom: 2px solid var(--ink); margin-bottom: 1.5rem; padding-bottom: .5rem; }
header.page h1 { margin: 0 0 .25rem; font-size: 1.75rem; line-height: 1.25; }
header.page .subtitle { margin: 0; color: var(--muted); }
nav.pages { font-size: .9rem; margin: .5rem 0 0; }
nav.pages a { margin-right: 1rem; }
nav.pages a[aria-current="page"] { font-weight: 600; color: var(--ink); text-decoration: none; }
h2 { font-size: 1.35rem; margin: 2.25rem 0 .5rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
p, ul, ol, dl { margin: .5rem 0 .9rem; max-width: 46rem; }
a { color: var(--link); }
code { font: .9em ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; background: var(--bg-soft);
  padding: 0 .2em; border-radius: 3px; }
.muted { color: var(--muted); }
table { border-collapse: collapse; margin: .75rem 0 1.25rem; font-size: .92rem; font-variant-numeric: tabular-nums; }
caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: .35rem; }
th, td { padding: .3rem .6rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); text-align: left; }
th.num, td.num { text-align: right; white-space: nowrap; }
th.center, td.center { text-align: center; }
tfoot td { border-bottom: none; color: var(--muted); font-size: .85rem; }
.table-wrap { overflow-x: auto; }
.badge { display: inline-block; padding: .05rem .5rem; border-radius: 999px; font-size: .8rem; font-weight: 700;
  letter-spacing: .03em; text-transform: uppercase; border: 1px solid currentColor; white-space: nowrap; }
.badge.pass { color: var(--pass); background: var(--pass-bg); }
.badge.fail { color: var(--fail); background: var(--fail-bg); }
.badge.warn { color: var(--warn); background: var(--warn-bg); }
.badge.skip, .badge.info { color: var(--skip); background: var(--skip-bg); }
figure { margin: 1rem 0 1.5rem; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: .9rem; color: var(--muted); margin-top: .4rem; max-width: 46rem; }
figcaption b { color: var(--ink); }
dl.criteria { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; }
dl.criteria dt { font-weight: 600; }
dl.criteria dd { margin: 0; }
footer.page { margin-top: 3rem; border-top: 1px solid var(--rule); padding-top: .5rem; font-size: .85rem;
  color: var(--muted); }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav.pages { display: none; }
  a { color: inherit; text-decoration: none; }
  figure, table, dl.criteria { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .badge { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
