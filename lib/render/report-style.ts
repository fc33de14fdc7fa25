/** The report's stylesheet, inlined so the page has no external assets. */
export const REPORT_CSS = `
:root{--err:#c62828;--err-bg:#fde7e7;--warn:#b26a00;--warn-bg:#fff3d6;--ok:#2e7d32;--ok-bg:#e6f4e7;--grey:#616161;--grey-bg:#eeeeee;--suspect:#6a1b9a}
*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0 auto;max-width:1100px;padding:16px 20px 40px;color:#212121;line-height:1.5}
h1{font-size:20px;margin:8px 0}
h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.status{display:flex;align-items:center;gap:14px;padding:12px 16px;border-radius:6px;border-left:8px solid}
.status-valid{background:var(--ok-bg);border-color:var(--ok)}
.status-invalid{background:var(--err-bg);border-color:var(--err)}
.status-unreadable{background:var(--grey-bg);border-color:var(--grey)}
.badge{font-size:22px;font-weight:700;padding:2px 12px;border-radius:4px;color:#fff;white-space:nowrap}
.status-valid .badge{background:var(--ok)}.status-invalid .badge{background:var(--err)}.status-unreadable .badge{background:var(--grey)}
.counts{margin:4px 0 0;color:#424242}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0}
dl.meta dt{color:#616161}dl.meta dd{margin:0;overflow-wrap:anywhere}
table.form{border-collapse:collapse;width:100%;margin:8px 0;font-size:13px}
table.form th,table.form td{border:1px solid #9e9e9e;padding:3px 5px;text-align:center;vertical-align:middle}
table.form th{background:#f5f5f5;font-weight:normal}
table.form th.row{text-align:left}
table.form th.block{background:#e8eaf6;font-weight:600}
table.form th.note{font-size:12px;color:#555}
table.t3 th.vertical{width:1.8em;max-width:1.8em;word-break:break-all;line-height:1.25;padding:2px 4px}
td.v{font-variant-numeric:tabular-nums;min-width:2.6em}
td.v img.evidence{display:block;max-width:120px;max-height:40px;margin:2px auto 0;border:1px solid #bdbdbd}
.sev-error{background:var(--err-bg);outline:2px solid var(--err);outline-offset:-2px;color:var(--err);font-weight:700}
.sev-warning{background:var(--warn-bg);outline:2px solid var(--warn);outline-offset:-2px}
.sev-info{background:#e3f2fd}
.suspect{box-shadow:inset 0 0 0 3px var(--suspect)}
.suspect::after{content:"?";color:var(--suspect);font-size:10px;vertical-align:super;margin-left:1px}
.lowconf{text-decoration:underline dotted var(--suspect) 2px}
.arith{font-style:italic;text-decoration:underline double #1565c0}
.unread{background:repeating-linear-gradient(45deg,#eee,#eee 4px,#fff 4px,#fff 8px);color:var(--grey);font-weight:700}
td[title]{cursor:help}
td.v:target{outline:3px solid #1565c0;outline-offset:-3px;background:#e3f2fd}
p.absent{padding:8px 12px;background:var(--grey-bg);border-radius:4px}
.legend{display:flex;flex-wrap:wrap;gap:6px 16px;font-size:12px;margin:6px 0}
.legend span{display:inline-flex;align-items:center;gap:4px}
.legend i{display:inline-block;min-width:24px;padding:0 4px;border:1px solid #9e9e9e;text-align:center;font-style:normal}
table.findings{border-collapse:collapse;width:100%;font-size:13px}
table.findings th,table.findings td{border-bottom:1px solid #e0e0e0;padding:6px;text-align:left;vertical-align:top}
table.findings th{background:#fafafa}
.sev{font-weight:700;white-space:nowrap}.sev.error{color:var(--err)}.sev.warning{color:var(--warn)}.sev.info{color:#1565c0}
code{font-family:ui-monospace,Consolas,monospace;font-size:12px;background:#f5f5f5;padding:0 3px;border-radius:3px}
.explain{color:#616161;font-size:12px;margin-top:2px}
ul.cells{margin:0;padding-left:16px}
table.checks{border-collapse:collapse;width:100%;font-size:13px}
table.checks td,table.checks th{border-bottom:1px solid #e0e0e0;padding:5px 6px;text-align:left;vertical-align:top}
table.checks th{background:#fafafa}
.outcome{font-weight:700;white-space:nowrap}.outcome.pass{color:var(--ok)}.outcome.fail{color:var(--err)}.outcome.skipped{color:var(--grey)}
.checks-headline{font-weight:600}
.review{margin:10px 0;font-size:13px}.review button{font:inherit;padding:2px 10px}.review input{font:inherit}
body.reviewing td.v{cursor:text}body.reviewing td.v:hover{background:#fffde7}
td.corrected{background:#e8f5e9;box-shadow:inset 0 0 0 2px #2e7d32}
input.correction{width:4.5em;font:inherit;text-align:center}
footer{margin-top:32px;color:#9e9e9e;font-size:12px}
`;
