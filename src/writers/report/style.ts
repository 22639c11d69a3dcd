// The run report's stylesheet, inlined into the page: system fonts, one accent colour, print-safe.
export const REPORT_CSS = `
:root { --ink: #1d2430; --muted: #5d6878; --line: #dde2ea; --kept: #2f6fb2; --dropped: #f0b3a6; --bar: #4f8fcf; --time: #7a6bc4; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f8fb; }
main { max-width: 980px; margin: 0 auto; padding: 24px 20px 48px; }
header h1 { margin: 0 0 4px; font-size: 24px; }
.meta, .note { color: var(--muted); margin: 0 0 12px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
section h2 { margin: 0 0 8px; font-size: 17px; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; background: none; border: 0; padding: 0; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; border-top: 4px solid var(--muted); }
.card.kept { border-top-color: var(--kept); } .card.dropped { border-top-color: #d9826f; } .card.rejected { border-top-color: #b0453a; }
.card .n { font-size: 26px; font-weight: 650; font-variant-numeric: tabular-nums; }
.card .l { color: var(--muted); }
svg { width: 100%; height: auto; display: block; margin: 6px 0 10px; }
svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
svg text.value { fill: var(--muted); }
svg rect.kept { fill: var(--kept); } svg rect.dropped { fill: var(--dropped); }
svg rect.bar { fill: var(--bar); } svg rect.time { fill: var(--time); }
svg line.axis { stroke: var(--line); }
table { width: 100%; border-collapse: collapse; margin-top: 6px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); }
th { color: var(--muted); font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background: #f1f3f7; padding: 1px 4px; border-radius: 3px; }
.empty { color: var(--muted); font-style: italic; }
@media (max-width: 640px) { .cards { grid-template-columns: repeat(2, 1fr); } }
@media print { body { background: #fff; } section { break-inside: avoid; } }
`;
