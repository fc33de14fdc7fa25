/** The dashboard's stylesheet, inlined. */
export const DASHBOARD_CSS = `
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0 auto;max-width:1280px;padding:16px 20px 40px;color:#212121}
h1{font-size:20px}h2{font-size:16px;margin:24px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.counts{display:flex;gap:12px;flex-wrap:wrap;margin:8px 0 16px}
.count{padding:8px 14px;border-radius:6px;font-size:15px}
.count b{font-size:22px;margin-left:6px}
.valid{background:#e6f4e7;color:#2e7d32}.invalid{background:#fde7e7;color:#c62828}.unreadable{background:#eee;color:#616161}.all{background:#e8eaf6;color:#283593}
.charts{display:grid;grid-template-columns:1fr 2fr;gap:16px}
.chart-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(380px,1fr));gap:12px}
.chart-grid figure{margin:0}.chart-grid h3{font-size:13px;margin:4px 0}
.filters{display:flex;gap:8px;align-items:center;flex-wrap:wrap;margin:6px 0}
.filters input,.filters select{font:inherit;padding:3px 6px}
table{border-collapse:collapse;width:100%;font-size:13px;margin-bottom:8px}
th,td{border-bottom:1px solid #e0e0e0;padding:5px 6px;text-align:left;vertical-align:top}
th{background:#fafafa;position:sticky;top:0}
table.sortable th[data-key]{cursor:pointer}table.sortable th[data-key]::after{content:" ⇅";color:#9e9e9e}
td.n{text-align:right;font-variant-numeric:tabular-nums}
span.status{padding:1px 8px;border-radius:3px;white-space:nowrap}
.break{color:#c62828;font-weight:700;font-size:12px}
.note{color:#616161;font-size:12px}
code{font-size:12px}
`;
