import { createHash } from 'node:crypto';
import { escapeHtml } from './escape-html.ts';

/** Data for a page's script, as a JSON block the browser does not run (`<` escaped, so it cannot close the block). */
export interface PageData {
  id: string;
  value: unknown;
}

const hashOf = (script: string): string => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;

/**
 * A self-contained page that runs its own inline scripts and nothing else: the Content-Security-
 * Policy lists the hash of each script, loads nothing from anywhere (works from file://), and
 * allows inline images (data:) for evidence crops.
 */
export function scriptPage(title: string, css: string, body: string, sources: readonly string[], data: readonly PageData[] = []): string {
  // `</script` inside a script's text would end it early; `<\/script` means the same to JavaScript
  const scripts = sources.map((s) => s.replace(/<\/script/gi, '<\\/script'));
  const policy = `default-src 'none'; style-src 'unsafe-inline'; img-src data: blob:; script-src ${scripts.map(hashOf).join(' ') || "'none'"}`;
  const blocks = data.map(
    (d) => `<script type="application/json" id="${escapeHtml(d.id)}">${JSON.stringify(d.value).replace(/</g, '\\u003c')}</script>`,
  );
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
${body}
${blocks.join('\n')}
${scripts.map((s) => `<script>${s}</script>`).join('\n')}
</body>
</html>
`;
}
