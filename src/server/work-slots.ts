/**
 * At most a few heavy parses (uploaded workbooks) at once (issue #11 item 3): PER_USER per signed-in
 * user and TOTAL for the whole process, so one user sending eight workbooks at once cannot freeze
 * the server for everyone. Beyond them the request is refused at once with 429 (Busy), never queued.
 */
import { AppError } from '../domain/errors.js';

export class WorkSlots {
  private readonly running = new Map<string, number>();
  private total = 0;

  constructor(
    readonly perUser = 2,
    readonly totalMax = 4,
  ) {}

  /** Runs `fn` in a slot of `user`; Busy (429) when the user's or the process's slots are all taken. */
  async run<T>(user: string, fn: () => Promise<T>): Promise<T> {
    const mine = this.running.get(user) ?? 0;
    if (mine >= this.perUser || this.total >= this.totalMax) {
      throw new AppError(
        'Busy',
        {
          vi: mine >= this.perUser ? `Tài khoản đang có ${mine} bảng tính được đọc cùng lúc (tối đa ${this.perUser}); vui lòng chờ xong rồi gửi tiếp.` : 'Máy chủ đang đọc nhiều bảng tính cùng lúc; vui lòng thử lại sau ít giây.',
          en: mine >= this.perUser ? `${mine} of your workbooks are being read at once (at most ${this.perUser}); wait for them and send again.` : 'The server is reading many workbooks at once; try again in a few seconds.',
        },
        { field: 'file', details: { retryAfterSeconds: 2 } },
      );
    }
    this.running.set(user, mine + 1);
    this.total++;
    try {
      return await fn();
    } finally {
      this.total--;
      const left = (this.running.get(user) ?? 1) - 1;
      if (left === 0) this.running.delete(user);
      else this.running.set(user, left);
    }
  }
}
