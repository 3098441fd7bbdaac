/**
 * The reference page's whole stylesheet, inline: the page loads nothing else (no CDN, no
 * scripts), so it works offline and on slow links. Colours keep WCAG AA contrast.
 */
export const referenceStyles = `
:root { color-scheme: light dark; --fg: #1b1f24; --muted: #4a5360; --line: #d0d7de; --bg: #fff; --code: #f3f5f7; --accent: #0b5cad; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #a8b3bf; --line: #3d444d; --bg: #0d1117; --code: #161b22; --accent: #6cb6ff; }
}
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header, main { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.5rem; border-bottom: 1px solid var(--line); }
h1 small { font-size: 0.6em; color: var(--muted); font-weight: normal; }
h2 { margin-top: 2.5rem; border-bottom: 2px solid var(--line); padding-bottom: 0.25rem; }
h3 { margin: 0 0 0.25rem; font-size: 1.1rem; word-break: break-word; }
h4 { margin: 1rem 0 0.25rem; font-size: 0.95rem; }
a { color: var(--accent); }
code { font: 0.9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--code); padding: 0.1em 0.3em; border-radius: 3px; }
nav ul { padding-left: 1.25rem; }
nav li { margin: 0.15rem 0; }
.operation, .schema { border: 1px solid var(--line); border-radius: 6px; padding: 1rem; margin: 1rem 0; }
.summary { font-weight: 600; margin: 0.25rem 0; }
.note { color: var(--muted); font-size: 0.9rem; }
.required { color: #b42318; font-size: 0.75rem; font-weight: 600; text-transform: uppercase; }
@media (prefers-color-scheme: dark) { .required { color: #ff8a80; } }
.method { display: inline-block; min-width: 4.5rem; text-align: center; border-radius: 4px; padding: 0 0.4rem; color: #fff; font-size: 0.85rem; }
.method-get { background: #1a6b3c; }
.method-post { background: #0b5cad; }
.method-patch, .method-put { background: #8a4b00; }
.method-delete { background: #b42318; }
table { width: 100%; border-collapse: collapse; font-size: 0.92rem; display: block; overflow-x: auto; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line); }
thead th { color: var(--muted); font-weight: 600; }
tbody th { font-weight: normal; white-space: nowrap; }
`;
