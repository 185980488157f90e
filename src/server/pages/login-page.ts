/**
 * The sign-in page and the signed-in bar: plain HTML forms that work without script, with large
 * inputs for phones (elderly cell secretaries sign in on a phone, GUIDE.md §1).
 */
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { ROLE_LABELS } from '../../domain/access.js';
import type { User } from '../../db/queries/users.js';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** Said for a wrong name, a wrong password or a disabled account alike: it must not tell which. */
export const WRONG_CREDENTIALS_VI = 'Tên đăng nhập hoặc mật khẩu không đúng.';

const CSS = `
.login{max-width:26rem;margin:1.5rem auto}
.login label{display:block;font-weight:600;margin:.9rem 0 .35rem}
.login input{width:100%;font-size:1.25rem;padding:.75rem .8rem;border:1px solid #9aa3b2;border-radius:.45rem}
.login button{width:100%;margin-top:1.25rem;font-size:1.2rem;padding:.8rem;border:0;border-radius:.45rem;background:#b3261e;color:#fff;font-weight:700}
.login .error{background:#fdecea;border:1px solid #b3261e;color:#8c1d18;border-radius:.45rem;padding:.7rem .8rem;font-weight:600}
`;

/** Body of the sign-in page; `next` is the local path to return to after signing in. */
export function loginBody(options: { next: string; error?: string; username?: string }): Html {
  return html`<style>${raw(CSS)}</style>
<div class="login card">
<h1>Đăng nhập</h1>
${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''}
<form method="post" action="/login">
<input type="hidden" name="next" value="${options.next}">
<label for="username">Tên đăng nhập</label>
<input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${options.username ?? ''}">
<label for="password">Mật khẩu</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Đăng nhập</button>
</form>
</div>`;
}

/**
 * The signed-in user in the header: their name, then their scope unit's name unless the name
 * already says it ("Bí thư Chi bộ Tổ dân phố số 1" is not followed by "Chi bộ Tổ dân phố số 1"),
 * and the sign-out button. The role is on the tooltip: users know their own job.
 */
export function userBar(user: User, scopeName: string): Html {
  const name = user.displayName.trim() || user.username;
  const lower = name.toLocaleLowerCase('vi');
  const scope = lower.includes(scopeName.toLocaleLowerCase('vi')) ? '' : ` · ${scopeName}`;
  return html`<div class="who"><span title="${ROLE_LABELS[user.role]}"><b>${name}</b>${scope}</span>
<form method="post" action="/logout"><button type="submit">Đăng xuất</button></form></div>`;
}

/** The page of GET /logout: one big button that signs out (a link must not sign out by itself). */
export function logoutBody(user: User | undefined): Html {
  if (!user) return html`<div class="login card"><h1>Đăng xuất</h1><p>Bạn chưa đăng nhập.</p><p><a class="button" href="/login">Đăng nhập</a></p></div>`;
  return html`<style>${raw(CSS)}</style>
<div class="login card"><h1>Đăng xuất</h1>
<p>Bạn đang đăng nhập với tên <b>${user.displayName || user.username}</b>.</p>
<form method="post" action="/logout"><button type="submit">Đăng xuất</button></form>
<p><a href="/">Quay lại trang tổng quan</a></p></div>`;
}
