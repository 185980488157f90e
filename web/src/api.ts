/**
 * The pages' client of the JSON API: same-origin fetch with the session cookie, the session's CSRF
 * token on every state-changing request (src/server/csrf.ts), and errors as ApiError carrying the
 * server's code, Vietnamese and English message and field. Every write a page makes sends the
 * version it read; a 409 comes back as an ApiError with code Conflict.
 */

/** An error answered by the API (or the network), in both languages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: { vi: string; en: string },
    readonly field?: string,
  ) {
    super(messages.en);
    this.name = 'ApiError';
  }

  /** The message in the page's language. */
  text(lang: string): string {
    return lang === 'en' ? this.messages.en : this.messages.vi;
  }
}

let csrfToken: string | undefined;

/** Keeps the session's anti-forgery token (from /api/auth/me or the sign-in answer). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

const NETWORK = { vi: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại; những gì đã lưu vẫn còn.', en: 'Cannot reach the server. Check the connection and try again; what was saved is kept.' };

/** Called when any request answers 401 (the session ended): the app goes to the sign-in page. */
let onSignedOut: (() => void) | undefined;
export function whenSignedOut(fn: () => void): void {
  onSignedOut = fn;
}

async function errorOf(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { code: string; message: { vi: string; en: string }; field?: string } };
    if (body.error) return new ApiError(res.status, body.error.code, body.error.message, body.error.field);
  } catch {
    /* not JSON */
  }
  return new ApiError(res.status, 'Internal', { vi: `Máy chủ trả lời lỗi ${res.status}.`, en: `The server answered ${res.status}.` });
}

/** One request; JSON in and out. `body` undefined sends none; a Blob/File is sent as is. */
export async function request<T>(method: string, path: string, body?: unknown, init: { signal?: AbortSignal; raw?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  let payload: BodyInit | undefined;
  if (body instanceof Blob) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', signal: init.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'Network', NETWORK);
  }
  if (res.status === 401 && !path.startsWith('/api/auth/login')) onSignedOut?.();
  if (!res.ok) throw await errorOf(res);
  if (init.raw) return res as unknown as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, { signal }),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/** Builds a query string from defined values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const entries = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== null && e[1] !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}

/**
 * Downloads a file the API makes (a workbook, a report), reporting progress while it is made and
 * saving it under the server's file name. Errors come back as ApiError.
 */
export async function download(path: string, fallbackName: string): Promise<{ name: string; bytes: number }> {
  const res = await request<Response>('GET', path, undefined, { raw: true });
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="([^"]+)"/i.exec(disposition)?.[1];
  const name = star ? decodeURIComponent(star) : (plain ?? fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { name, bytes: blob.size };
}
