/** The HTML shell of server-rendered pages: Vietnamese, readable on a phone, no script needed. */
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const CSS = `
:root{--ink:#1d2430;--muted:#5b6575;--line:#d9dee7;--bg:#f6f7f9;--red:#b3261e;--card:#fff;
--htxs:#0b6b3a;--htt:#1f5fa8;--ht:#8a6d00;--kht:#b3261e}
*{box-sizing:border-box}
body{margin:0;font:17px/1.5 system-ui,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--ink);background:var(--bg)}
header{background:var(--red);color:#fff;padding:.75rem 1rem}
header a{color:#fff;text-decoration:none}
header .brand{font-weight:700;font-size:1.15rem}
header .sub{font-size:.9rem;opacity:.9}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.35rem;margin:.5rem 0 1rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:1rem;margin:0 0 1rem}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(8.5rem,1fr));gap:.5rem}
.stat{border:1px solid var(--line);border-radius:.4rem;padding:.5rem .75rem;background:#fff}
.stat b{display:block;font-size:1.4rem}
.stat span{color:var(--muted);font-size:.85rem}
.g-HTXS{color:var(--htxs)}.g-HTT{color:var(--htt)}.g-HT{color:var(--ht)}.g-KHT{color:var(--kht)}
.badge{display:inline-block;border-radius:1rem;padding:0 .55rem;font-size:.8rem;font-weight:600;border:1px solid currentColor;white-space:nowrap}
.muted{color:var(--muted)}
nav.cycles a{margin-right:.75rem}
a{color:#1f5fa8}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border-bottom:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top}
th{font-size:.85rem;color:var(--muted);font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
details{background:#fff;border:1px solid var(--line);border-radius:.5rem;margin:.4rem 0}
details>summary{cursor:pointer;padding:.6rem .75rem;list-style:none;display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:baseline}
details>summary::before{content:"▸";color:var(--muted)}
details[open]>summary::before{content:"▾"}
details>summary .name{font-weight:600;flex:1 1 16rem}
details .inner{padding:0 .75rem .75rem;overflow-x:auto}
.counts{font-variant-numeric:tabular-nums;color:var(--muted);font-size:.9rem}
.counts>span{white-space:nowrap}
.crumbs{font-size:1rem;margin-bottom:.5rem}
.scroll{overflow-x:auto}
.show-sm{display:none}
.downloads{display:flex;flex-wrap:wrap;gap:.5rem;margin:0 0 1rem}
a.button,button.button{display:inline-block;padding:.6rem 1rem;border:1px solid #1f5fa8;border-radius:.45rem;background:#fff;color:#1f5fa8;font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
a.button.primary,button.button.primary{background:#b3261e;border-color:#b3261e;color:#fff}
.topbar{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem 1rem}
.who{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .75rem;font-size:.95rem}
.who form{margin:0}
.who button{background:#fff;color:#b3261e;border:0;border-radius:.35rem;padding:.35rem .75rem;font:inherit;font-weight:600;cursor:pointer}
@media (max-width:40rem){body{font-size:17px}.hide-sm{display:none}.show-sm{display:block}main{padding:.5rem}header .sub{display:none}
td,th{padding:.5rem .35rem}}
`;

/** Wraps a page body in the shell; `user` is the signed-in user's bar (name, scope, sign-out) in the header. */
export function layout(options: { title: string; body: Html; user?: Html }): Html {
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · xeploai</title>
<style>${raw(CSS)}</style>
</head>
<body>
<header><div class="topbar"><a href="/"><div class="brand">xeploai</div>
<div class="sub">Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên và tập thể, cá nhân cán bộ lãnh đạo, quản lý</div></a>
${options.user ?? ''}</div></header>
<main>${options.body}</main>
</body>
</html>`;
}
