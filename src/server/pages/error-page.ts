/** The page a person sees when a page cannot be shown: what went wrong, in Vietnamese, and the way home. */
import { html } from 'hono/html';
import { layout } from './layout.js';
import type { Html } from './unit-parts.js';

/** Titles by HTTP status; anything else is "Không mở được trang". */
const TITLES: Record<number, string> = {
  403: 'Không có quyền xem trang này',
  404: 'Không tìm thấy trang',
  429: 'Tạm thời bị chặn',
};

/** A whole error page: a heading for the status, the message, and a link to the first page. */
export function errorPage(options: { status: number; message: string; user?: Html }): Html {
  const title = TITLES[options.status] ?? (options.status >= 500 ? 'Lỗi hệ thống' : 'Không mở được trang');
  const body = html`<div class="card"><h1>${title}</h1><p>${options.message}</p>
<p><a class="button primary" href="/">Về trang tổng quan</a></p></div>`;
  return layout({ title, body, ...(options.user ? { user: options.user } : {}) });
}
