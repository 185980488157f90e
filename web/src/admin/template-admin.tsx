/**
 * The report template for the administrator (issue #9 item 9): which one is in use, download it,
 * upload a new one (.docx) — checked by rendering it once; a broken template is refused naming the
 * placeholder, and one uploaded by someone else meanwhile is a conflict.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, download, qs, request } from '../api.js';
import { ErrorNotice, Loading, useData } from '../components/common.js';
import { fmtDateTime } from '../format.js';

interface Info { version: string; name: string; uploadedAt: string | null; uploadedBy: string | null }

export function TemplateAdmin() {
  const { t } = useTranslation();
  const { data, error, reload } = useData<Info>((s) => api.get('/api/report-templates/active/info', s), []);
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <Loading />;
  const upload = async () => {
    if (!file) return;
    setFailure(null);
    setNote(t('Đang kiểm tra và tải lên mẫu…'));
    try {
      await request('PUT', `/api/report-templates/active${qs({ name: file.name, version: data.version })}`, file);
      setNote(t('Đã dùng mẫu «{{name}}» cho các báo cáo.', { name: file.name }));
      reload();
    } catch (err) {
      setNote(null);
      if (err instanceof ApiError) setFailure(err);
    }
  };
  return (
    <div className="card">
      <h2 style={{ marginTop: 0 }}>{t('Mẫu báo cáo')}</h2>
      <p>
        {data.version === 'default' ? t('Đang dùng mẫu mặc định của phần mềm ({{name}}).', { name: data.name }) : t('Đang dùng mẫu «{{name}}», tải lên lúc {{at}} bởi {{who}}.', { name: data.name, at: fmtDateTime(data.uploadedAt), who: data.uploadedBy ?? '' })}
      </p>
      <p><button type="button" className="button" onClick={() => void download('/api/report-templates/active', data.name)}>{t('Tải mẫu đang dùng (.docx)')}</button></p>
      <ErrorNotice error={failure} />
      {note ? <p role="status">{note}</p> : null}
      <label className="field">
        <span>{t('Tải lên mẫu mới (.docx)')}</span>
        <span className="hint">{t('Mẫu được thử tạo một báo cáo trước khi dùng; mẫu lỗi sẽ bị từ chối và mẫu cũ vẫn giữ nguyên.')}</span>
        <input type="file" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <button type="button" className="button primary" disabled={!file} onClick={() => void upload()}>{t('Dùng mẫu này')}</button>
    </div>
  );
}
