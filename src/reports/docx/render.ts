/**
 * Fills a report template (.docx) with docxtemplater (STACK.md: `errorLogging: false`, errors turned
 * into messages naming the placeholder). A template is validated by rendering it: a broken one is
 * refused with AppError('TemplateInvalid') naming the faulty tag, e.g. "Thẻ «{#doan_the}» chưa
 * được đóng".
 */
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { AppError } from '../../domain/errors.js';
import type { ReportModel } from '../report-types.js';
import { finalSectPr, finishAnnexSections } from './annex-sections.js';
import { templateData } from './template-data.js';

interface TemplateErrorProperties {
  id?: string;
  xtag?: string;
  explanation?: string;
  openingtag?: string;
  closingtag?: string;
  pair?: { left: string; right: string };
  errors?: { properties?: TemplateErrorProperties }[];
}

/** One docxtemplater error in Vietnamese and English, naming the tag. */
function describe(p: TemplateErrorProperties): { vi: string; en: string } {
  const tag = p.xtag ?? '';
  switch (p.id) {
    case 'unclosed_loop':
      return { vi: `Thẻ «{#${tag}}» chưa được đóng (thiếu «{/${tag}}»)`, en: `Tag "{#${tag}}" is never closed (missing "{/${tag}}")` };
    case 'unopened_loop':
      return { vi: `Thẻ «{/${tag}}» đóng một vòng lặp chưa mở (thiếu «{#${tag}}»)`, en: `Tag "{/${tag}}" closes a loop that was never opened` };
    case 'closing_tag_does_not_match_opening_tag':
      return { vi: `Thẻ «{#${p.openingtag}}» lại được đóng bằng «{/${p.closingtag}}»`, en: `Tag "{#${p.openingtag}}" is closed by "{/${p.closingtag}}"` };
    case 'unclosed_tag':
      return { vi: `Thẻ «{${tag}» thiếu dấu «}»`, en: `Tag "{${tag}" has no closing brace` };
    case 'unopened_tag':
      return { vi: `Thẻ «${tag}}» thiếu dấu «{»`, en: `Tag "${tag}}" has no opening brace` };
    case 'duplicate_open_tag':
      return { vi: `Thẻ «${tag}» có hai dấu «{» liền nhau`, en: `Tag "${tag}" has a doubled opening brace` };
    case 'duplicate_close_tag':
      return { vi: `Thẻ «${tag}» có hai dấu «}» liền nhau`, en: `Tag "${tag}" has a doubled closing brace` };
    case 'unbalanced_loop_tags':
      return { vi: `Các thẻ vòng lặp «{#${p.pair?.left}}…{/${p.pair?.right}}» lồng nhau sai chỗ`, en: `Loop tags "{#${p.pair?.left}}…{/${p.pair?.right}}" are misplaced` };
    case 'loop_position_invalid':
      return { vi: `Thẻ vòng lặp «${tag}» đặt sai chỗ (một thẻ trong bảng, một thẻ ngoài bảng)`, en: `Loop tags "${tag}" are misplaced (one inside a table, one outside)` };
    default:
      return { vi: `Mẫu báo cáo lỗi${tag ? ` ở thẻ «${tag}»` : ''}: ${p.explanation ?? p.id ?? 'không rõ'}`, en: `Template error${tag ? ` at tag "${tag}"` : ''}: ${p.explanation ?? p.id ?? 'unknown'}` };
  }
}

/** Turns a docxtemplater or zip error into AppError('TemplateInvalid'). */
function templateError(e: unknown): AppError {
  const props = (e as { properties?: TemplateErrorProperties }).properties;
  const list = props?.errors?.map((x) => x.properties ?? {}) ?? (props ? [props] : []);
  if (list.length === 0) {
    const why = e instanceof Error ? e.message : String(e);
    return new AppError('TemplateInvalid', { vi: `Tệp mẫu không phải tệp .docx hợp lệ (${why}).`, en: `The template is not a valid .docx file (${why}).` });
  }
  const parts = list.map(describe);
  return new AppError(
    'TemplateInvalid',
    { vi: `Mẫu báo cáo không hợp lệ: ${parts.map((p) => p.vi).join('; ')}.`, en: `Invalid report template: ${parts.map((p) => p.en).join('; ')}.` },
    { field: list[0]?.xtag ?? 'template', details: list.map((p) => ({ id: p.id, tag: p.xtag })) },
  );
}

const DOCUMENT = 'word/document.xml';

/**
 * A template of an earlier version printed the annexes in fixed shapes of 2, 7 and 9 columns
 * (`{#annexes2}`, `{#annexes7}`, `{#annexes9}`), folding most type columns of 6A and 6B away. Those
 * loops no longer receive data: rather than print a report without its annexes, say what to change.
 */
function refuseOldAnnexes(text: string): void {
  const old = /\{#(annexes[279])\}/.exec(text)?.[1];
  if (!old) return;
  throw new AppError(
    'TemplateInvalid',
    {
      vi: `Mẫu báo cáo còn dùng bảng phụ lục kiểu cũ «{#${old}}» (chỉ in một phần các cột). Hãy tải mẫu mặc định mới («xeploai report template download») và in phụ lục bằng vòng lặp «{#annexes}» với thẻ «{@table}».`,
      en: `The report template still uses the old annex table "{#${old}}" (it printed only some columns). Download the new default template ("xeploai report template download") and print the annexes with the "{#annexes}" loop and its "{@table}" tag.`,
    },
    { field: old },
  );
}

/**
 * Renders the model into the template; throws AppError('TemplateInvalid') for a broken template.
 * Each annex becomes a section on its own paper, copying the template's last section (annex-sections.ts).
 */
export function renderReportDocx(template: Buffer, model: ReportModel): Buffer {
  let doc: Docxtemplater;
  let annexLoop = false;
  try {
    const zip = new PizZip(template);
    const source = zip.file(DOCUMENT)?.asText() ?? '';
    const text = source.replace(/<[^>]+>/g, '');
    refuseOldAnnexes(text);
    annexLoop = text.includes('{#annexes}');
    const annexSection = finalSectPr(source);
    doc = new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      errorLogging: false,
      nullGetter: () => '',
    });
    doc.render(templateData(model, annexSection));
  } catch (e) {
    throw e instanceof AppError ? e : templateError(e);
  }
  const out = doc.getZip();
  const xml = out.file(DOCUMENT)?.asText();
  if (xml !== undefined && annexLoop && model.annexes.length > 0) out.file(DOCUMENT, finishAnnexSections(xml, model.annexes.map((a) => a.page)));
  return out.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Validates a template by rendering it with a model; the rendered bytes are discarded. */
export function validateTemplate(template: Buffer, model: ReportModel): void {
  renderReportDocx(template, model);
}
