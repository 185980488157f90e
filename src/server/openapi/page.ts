/**
 * The API description as a page a person can read (GET /docs/api): the OpenAPI document's
 * operations by group, each with its parameters, its body's fields (type, required, allowed codes)
 * and what it answers, rendered on the server from the same document /api/openapi.json serves.
 */
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;
type Json = Record<string, any>;

const STYLE = `
.op summary .m{display:inline-block;min-width:4.2rem;text-align:center;border-radius:.3rem;padding:0 .4rem;font:600 .8rem/1.6 ui-monospace,monospace;color:#fff;background:#5b6575}
.op summary .m.get{background:#1f5fa8}.op summary .m.post{background:#0b6b3a}.op summary .m.put,.op summary .m.patch{background:#8a6d00}.op summary .m.delete{background:#b3261e}
.op summary code{font-size:.95rem;word-break:break-all}
.op table{margin:.5rem 0}.op td code,.op th code{font-size:.85rem}
.codes{color:var(--muted);font-size:.85rem}
.op h3{font-size:.95rem;margin:.75rem 0 .25rem}
`;

/** A JSON Schema's type in words: "string (date)", "một trong: a, b", "danh sách string". */
function typeOf(s: Json | undefined): string {
  if (!s) return '';
  if (s.anyOf) return (s.anyOf as Json[]).map(typeOf).filter((t) => t !== 'null').join(' | ') + ((s.anyOf as Json[]).some((x) => x.type === 'null') ? ' | null' : '');
  if (s.enum) return `một trong / one of: ${(s.enum as string[]).join(', ')}`;
  if (s.type === 'array') return `danh sách / list of ${typeOf(s.items as Json)}`;
  if (s.type === 'object' && s.properties) return `đối tượng / object {${Object.keys(s.properties as Json).join(', ')}}`;
  return [s.type ?? 'any', s.format ? `(${s.format})` : ''].join(' ').trim();
}

function fields(schema: Json | undefined): Html {
  const props = (schema?.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema?.required ?? []) as string[]);
  if (Object.keys(props).length === 0) return html``;
  return html`<table><thead><tr><th>Trường / Field</th><th>Kiểu / Type</th><th>Bắt buộc / Required</th></tr></thead><tbody>
${Object.entries(props).map(([name, p]) => html`<tr><td><code>${name}</code></td><td class="codes">${typeOf(p)}</td><td>${required.has(name) ? 'có' : ''}</td></tr>`)}
</tbody></table>`;
}

function operation(method: string, path: string, op: Json): Html {
  const params = (op.parameters ?? []) as Json[];
  const body = op.requestBody?.content as Json | undefined;
  const json = body?.['application/json']?.schema as Json | undefined;
  const [status, response] = Object.entries(op.responses as Json).find(([k]) => k !== 'default') ?? ['200', {}];
  return html`<details class="op" id="${op.operationId}"><summary><span class="m ${method}">${method.toUpperCase()}</span><code>${path}</code><span class="name">${op.summary}</span></summary><div class="inner">
${op.security?.length === 0 ? html`<p class="muted">Không cần đăng nhập. / No sign-in needed.</p>` : ''}
${params.length > 0 ? html`<h3>Tham số / Parameters</h3><table><thead><tr><th>Tên / Name</th><th>Ở / In</th><th>Kiểu / Type</th><th>Bắt buộc</th></tr></thead><tbody>${params.map((p) => html`<tr><td><code>${p.name}</code></td><td>${p.in}</td><td class="codes">${typeOf(p.schema)}</td><td>${p.required ? 'có' : ''}</td></tr>`)}</tbody></table>` : ''}
${json ? html`<h3>Nội dung gửi (JSON) / Body</h3>${fields(json)}` : body ? html`<h3>Tệp gửi / Upload</h3><p>${op.requestBody.description ?? ''}</p>` : ''}
<p><b>${status}</b> ${(response as Json).description ?? ''} · <span class="codes">${Object.keys(((response as Json).content ?? {}) as Json).join(', ')}</span></p>
</div></details>`;
}

/** The page's body. */
export function apiDocsBody(doc: Json): Html {
  const byTag = new Map<string, Html[]>();
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Json>)) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = (op.tags as string[])[0] ?? '';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operation(method, path, op as Json)]);
    }
  }
  return html`<style>${raw(STYLE)}</style>
<h1>Tài liệu API / API reference</h1>
<div class="card"><p>${doc.info.description}</p>
<p>Tài liệu OpenAPI ${doc.openapi} (máy đọc được): <a href="/api/openapi.json">/api/openapi.json</a>. Lỗi trả về dạng <code>{ "error": { "code", "message": { "vi", "en" }, "field" } }</code>.</p></div>
${[...byTag].map(([tag, ops]) => html`<h2>${tag}</h2>${ops}`)}`;
}

/** The whole page around the body: self-contained (no build needed), readable on a phone, a link back home. */
export function apiDocsPage(body: string): string {
  const style = [
    'body{font:16px/1.5 system-ui,sans-serif;max-width:64rem;margin:0 auto;padding:1rem;color:#1d2430;--muted:#5b6575}',
    'header{display:flex;gap:1rem;align-items:baseline;justify-content:space-between;border-bottom:1px solid #d5dae1;margin-bottom:1rem}',
    'a{color:#1f5fa8}h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:1.5rem}.card{background:#f4f6f9;padding:.5rem 1rem;border-radius:.4rem}',
    'table{border-collapse:collapse;width:100%}th,td{border:1px solid #d5dae1;padding:.25rem .5rem;text-align:left;vertical-align:top}',
    'details.op{border:1px solid #d5dae1;border-radius:.4rem;margin:.4rem 0;padding:.3rem .6rem}details.op summary{cursor:pointer;display:flex;gap:.6rem;flex-wrap:wrap;align-items:center;min-height:44px}',
    '.muted{color:var(--muted)}',
  ].join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Tài liệu API · xeploai</title><style>${style}</style></head>
<body><header><a href="/">xeploai — Về trang đầu</a><a href="/api/openapi.json">openapi.json</a></header><main>${body}</main></body></html>`;
}
