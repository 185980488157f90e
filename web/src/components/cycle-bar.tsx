/**
 * The cycle bar under the header: which cycle the pages show, switchable, and beside it the roll of
 * the user's scope in that cycle — members on the roll, graded, not yet — so switching to a new
 * cycle never hides how many members there are (issue #9 item 1).
 */
import { useTranslation } from 'react-i18next';
import { fmtInt } from '../format.js';
import { navigate, useLocation } from '../router.js';
import { pathWithCycle, useSession } from '../session.js';

export function CycleBar() {
  const { t } = useTranslation();
  const { cycles, cycle, roll, scopeName } = useSession();
  const { path, query } = useLocation();
  if (!cycle) {
    return (
      <div className="cyclebar">
        <div className="cyclebar-inner"><span className="muted">{t('Chưa có kỳ đánh giá nào. Quản trị viên mở kỳ ở trang Quản trị.')}</span></div>
      </div>
    );
  }
  const choose = (year: string) => {
    const next = cycles.find((c) => String(c.year) === year) ?? null;
    const params = new URLSearchParams(query);
    params.delete('cycle');
    const rest = params.toString();
    navigate(pathWithCycle(rest ? `${path}?${rest}` : path, next));
  };
  return (
    <div className="cyclebar">
      <div className="cyclebar-inner">
        <label htmlFor="cycle-select">{t('Kỳ đánh giá')}</label>
        <select id="cycle-select" value={String(cycle.year)} onChange={(e) => choose(e.target.value)}>
          {cycles.map((c) => (
            <option key={`${c.year}-${c.period}`} value={String(c.year)}>
              {t('Năm {{y}}', { y: c.year })}{c.period !== 'nam' ? ` (${c.period})` : ''}
            </option>
          ))}
        </select>
        {roll ? (
          <p className="roll" aria-live="polite" data-testid="roll">
            <span>{scopeName}:</span>
            <span><b>{fmtInt(roll.roll)}</b> {t('đảng viên trong danh sách')}</span>
            <span><b>{fmtInt(roll.decided)}</b> {t('đã xếp loại')}</span>
            <span><b>{fmtInt(roll.proposed)}</b> {t('đang xếp loại, chờ quyết định')}</span>
            <span><b>{fmtInt(roll.notYet)}</b> {t('chưa xếp loại')}</span>
            {roll.notRequired > 0 ? <span><b>{fmtInt(roll.notRequired)}</b> {t('không phải xếp loại')}</span> : null}
          </p>
        ) : null}
      </div>
    </div>
  );
}
