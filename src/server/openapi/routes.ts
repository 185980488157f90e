/**
 * Every API route, described with the very zod schemas its handler validates with (imported from
 * src/schemas/ and the route files), for the OpenAPI document (document.ts). A route added to the
 * app and not here, or listed here and gone from the app, fails tests/api/openapi.test.ts.
 */
import type { z } from 'zod';
import * as auth from '../routes/auth.js';
import * as cycles from '../routes/cycles.js';
import * as evaluations from '../routes/evaluations.js';
import * as forms from '../routes/forms.js';
import * as reports from '../routes/reports.js';
import * as submissions from '../routes/submissions.js';
import { asOfQuery } from '../routes/units.js';
import * as workflow from '../routes/workflow.js';
import * as progress from '../routes/progress.js';
import * as search from '../routes/search.js';
import * as users from '../routes/users.js';
import * as workspace from '../routes/workspace.js';
import * as facts from '../routes/facts.js';
import * as audit from '../routes/audit.js';
import { collectiveMemberBody, createCollectiveBody, createPositionBody } from '../../schemas/collectives.js';
import { exportQuery, importJobParams, importQuery } from '../../schemas/imports.js';
import { createPersonBody, eventBody, membershipBody, patchPersonBody, searchPersonsQuery, transferBody } from '../../schemas/persons.js';
import { changeUnitBody, createUnitBody, mergeUnitsBody, splitUnitBody } from '../../schemas/units.js';

/** One route: method, Hono path, group, what it does, and the schemas of its input. */
export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  tag: string;
  summary: string;
  description?: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** A file upload (multipart or raw body), described in words. */
  upload?: string;
  /** Success status (200 by default). */
  status?: number;
  returns?: 'json' | 'xlsx' | 'docx' | 'pdf' | 'zip';
  returnsWhat?: string;
  /** Reachable without signing in. */
  public?: boolean;
}

type Spec = Omit<RouteDoc, 'method' | 'path' | 'tag' | 'summary'>;
const route = (tag: string) => (method: RouteDoc['method'], path: string, summary: string, spec: Spec = {}): RouteDoc => ({ method, path: `/api${path}`, tag, summary, ...spec });

const year = { params: cycles.yearParam };
const formKey = { params: forms.keyParams, query: forms.periodQuery };
const reportKey = { params: forms.keyParams, query: reports.periodQuery };

const general = route('Chung / General');
const authR = route('Đăng nhập / Sign-in');
const unitsR = route('Đơn vị / Units');
const peopleR = route('Đảng viên / People');
const leadersR = route('Tập thể, chức vụ / Collectives and leaders');
const cyclesR = route('Kỳ đánh giá / Cycles');
const evalR = route('Đánh giá / Evaluations');
const subR = route('Báo cáo cấp dưới / Submissions');
const formsR = route('Biểu thống kê / Forms');
const reportR = route('Báo cáo / Report');
const ioR = route('Nhập, xuất / Import and export');
const pagesR = route('Trang web / The pages');
const usersR = route('Tài khoản (quản trị) / Accounts (administrator)');

/** Every route of the API, grouped as the README lists them. */
export const API_ROUTES: readonly RouteDoc[] = [
  general('get', '/health', 'Máy chủ còn chạy / Liveness', { public: true }),
  general('get', '/openapi.json', 'Tài liệu OpenAPI 3.1 của API này / This API’s OpenAPI 3.1 document'),
  authR('post', '/auth/login', 'Đăng nhập, nhận token / Sign in, get a token', { body: auth.loginBodySchema, public: true }),
  authR('post', '/auth/logout', 'Đăng xuất / Sign out'),
  authR('get', '/auth/me', 'Người đang đăng nhập / The signed-in user'),

  unitsR('post', '/units', 'Tạo đơn vị (phiên bản đầu) / Create a unit', { body: createUnitBody, status: 201 }),
  unitsR('get', '/units/:code', 'Đơn vị tại một ngày / A unit as of a date', { query: asOfQuery }),
  unitsR('get', '/units/:code/children', 'Đơn vị trực thuộc tại một ngày / Children as of a date', { query: asOfQuery }),
  unitsR('get', '/units/:code/subtree', 'Cây đơn vị tại một ngày / Subtree as of a date', { query: asOfQuery }),
  unitsR('get', '/units/:code/versions', 'Lịch sử các phiên bản / Every version'),
  unitsR('post', '/units/:code/changes', 'Thay đổi có hiệu lực từ ngày: đổi tên, chuyển, đổi loại / Effective-dated change', { body: changeUnitBody, status: 201 }),
  unitsR('post', '/units/merge', 'Sáp nhập đơn vị từ một ngày / Merge units from a day', { body: mergeUnitsBody, status: 201 }),
  unitsR('post', '/units/:code/split', 'Chia tách đơn vị từ một ngày / Split a unit from a day', { body: splitUnitBody, status: 201 }),
  unitsR('get', '/units/:code/years', 'Số liệu chính của đơn vị từng năm, để so sánh / Key figures year by year'),
  unitsR('get', '/units/:code/restructurings', 'Các lần sắp xếp lại liên quan đến đơn vị / Restructurings of a unit'),

  peopleR('get', '/units/:code/members', 'Đảng viên của chi bộ (hoặc cả cây) tại một ngày / Members as of a date', { query: asOfQuery }),
  peopleR('get', '/persons', 'Tìm đảng viên theo tên hoặc số thẻ / Search persons', { query: searchPersonsQuery }),
  peopleR('post', '/persons', 'Thêm đảng viên / Register a person', { body: createPersonBody, status: 201 }),
  peopleR('get', '/persons/:card', 'Đảng viên và các lần sinh hoạt chi bộ / A person and memberships'),
  peopleR('patch', '/persons/:card', 'Sửa thông tin đảng viên / Edit a person', { body: patchPersonBody }),
  peopleR('post', '/persons/:card/memberships', 'Thêm sinh hoạt chi bộ / Add a membership', { body: membershipBody, status: 201 }),
  peopleR('post', '/persons/:card/transfer', 'Chuyển sinh hoạt sang chi bộ khác / Transfer', { body: transferBody }),
  peopleR('get', '/persons/:card/events', 'Sự kiện của đảng viên / A person’s events'),
  peopleR('post', '/persons/:card/events', 'Thêm sự kiện (miễn, kỷ luật, nghỉ ốm…) / Add an event', { body: eventBody, status: 201 }),

  leadersR('get', '/units/:code/collectives', 'Tập thể lãnh đạo của đơn vị / Collectives', { query: asOfQuery }),
  leadersR('post', '/collectives', 'Tạo tập thể lãnh đạo / Create a collective', { body: createCollectiveBody, status: 201 }),
  leadersR('get', '/collectives/:code', 'Một tập thể / A collective'),
  leadersR('get', '/collectives/:code/members', 'Thành viên của tập thể (các chức vụ, theo thời gian) / A collective’s members', { query: facts.membersQuery }),
  leadersR('post', '/collectives/:code/members', 'Ghi một chức vụ là thành viên tập thể / Seat a position on a collective', { body: collectiveMemberBody, status: 201 }),
  leadersR('post', '/collectives/:code/members/:memberId/end', 'Kết thúc tư cách thành viên tập thể / End a seat', { body: facts.endMemberBody }),
  leadersR('get', '/units/:code/positions', 'Chức vụ trong đơn vị / Positions', { query: asOfQuery }),
  leadersR('post', '/positions', 'Ghi chức vụ lãnh đạo, quản lý / Record a position', { body: createPositionBody, status: 201 }),

  cyclesR('get', '/cycles', 'Các kỳ đánh giá / Review cycles'),
  cyclesR('post', '/cycles', 'Mở kỳ đánh giá / Open a cycle', { body: cycles.createCycleBody, status: 201 }),
  cyclesR('get', '/cycles/:year', 'Một kỳ / A cycle', { ...year, query: cycles.periodQuery }),
  cyclesR('put', '/cycles/:year/deadlines', 'Hạn nộp theo cấp / Deadlines', { ...year, body: cycles.deadlinesBody }),
  cyclesR('get', '/cycles/:year/parameters', 'Tham số đang áp dụng của kỳ / The cycle’s parameters in force', { ...year, query: forms.periodQuery }),
  cyclesR('put', '/cycles/:year/parameters', 'Tham số của bộ quy định (verify) / Rule-set parameters', { ...year, body: workflow.parametersBody }),
  cyclesR('get', '/cycles/:year/topics', 'Nội dung gợi ý kiểm điểm / Review topics', { ...year, query: cycles.periodQuery }),
  cyclesR('post', '/cycles/:year/topics', 'Thêm nội dung gợi ý kiểm điểm / Add a topic', { ...year, body: cycles.topicBody, status: 201 }),
  cyclesR('get', '/cycles/:year/review-records', 'Biên bản hội nghị kiểm điểm / Review records', { ...year, query: submissions.listQuery }),
  cyclesR('post', '/cycles/:year/review-records', 'Ghi biên bản hội nghị kiểm điểm / Record a review meeting', { ...year, body: submissions.recordBody, status: 201 }),
  cyclesR('get', '/calendar/days', 'Các ngày nghỉ, ngày làm bù đã đặt / The configured calendar days'),
  cyclesR('put', '/calendar/days', 'Ngày nghỉ, ngày làm bù / Calendar day', { body: submissions.calendarBody }),

  evalR('get', '/cycles/:year/evaluations', 'Phiếu đánh giá của kỳ / Evaluations', { ...year, query: evaluations.listQuery }),
  evalR('post', '/cycles/:year/evaluations', 'Tạo phiếu đánh giá / Create an evaluation', { ...year, body: evaluations.createBody, status: 201 }),
  evalR('post', '/cycles/:year/eligibility/compute', 'Tính diện đánh giá của mọi đối tượng / Compute eligibility', { ...year, body: workflow.computeBody }),
  evalR('get', '/evaluations/:id', 'Phiếu đánh giá và lịch sử / An evaluation and its history'),
  evalR('patch', '/evaluations/:id', 'Sửa trường tự do (ghi chú, kiểm điểm, điểm, số liệu) / Edit free fields', { body: evaluations.patchBody }),
  evalR('get', '/evaluations/:id/check', 'Mức cao nhất được phép và lý do / Highest grade allowed', { query: workflow.checkQuery }),
  evalR('get', '/evaluations/:id/workflow', 'Các bước quy trình / Workflow steps'),
  evalR('post', '/evaluations/:id/self-assess', 'Tự đánh giá / Self-assessment', { body: workflow.selfBody }),
  evalR('post', '/evaluations/:id/opinions', 'Ý kiến chủ thể liên quan / Related body’s opinion', { body: workflow.opinionBody, status: 201 }),
  evalR('post', '/evaluations/:id/propose', 'Đề xuất xếp loại / Propose a grade', { body: workflow.proposeBody }),
  evalR('post', '/evaluations/:id/appraise', 'Thẩm định / Appraise', { body: workflow.appraiseBody }),
  evalR('post', '/evaluations/:id/decide', 'Quyết định xếp loại / Decide', { body: workflow.decideBody }),
  evalR('post', '/evaluations/:id/publish', 'Công bố / Publish', { body: workflow.publishBody }),
  evalR('post', '/evaluations/:id/complaint', 'Ghi đơn thư khiếu nại, tố cáo trước khi quyết định / Record a complaint', { body: workflow.complaintBody, status: 201 }),
  evalR('post', '/evaluations/:id/reverify', 'Cấp ủy cấp trên trực tiếp kiểm tra, xác minh, thẩm định lại / Re-verification after a complaint', { body: workflow.reverifyBody }),
  evalR('post', '/evaluations/:id/regrade', 'Xếp loại lại, có lý do / Re-grade with a reason', { body: evaluations.regradeBody }),
  evalR('get', '/evaluations/:id/facts', 'Dữ kiện xếp loại của đối tượng (ai nhập, văn bản) / The subject’s stored facts'),
  evalR('put', '/evaluations/:id/facts/:fact', 'Nhập một dữ kiện (tiêu chí Kém, chỉ tiêu, mất đoàn kết, phiếu tín nhiệm thấp …), có văn bản / Enter a fact', {
    params: facts.factParams,
    body: facts.factBody,
    description: 'Dữ kiện: criterionPoor, targetsCompleted, keyTargetsMissed, fiveTargetsMissed, disunity, subUnitsDisciplined, corruptionCases, lowConfidenceVotes, peerBodyGrades, shortcomingsRemedied, scoreParts, forceMajeure (README: Dữ kiện xếp loại).',
  }),
  evalR('delete', '/evaluations/:id/facts/:fact', 'Xóa dữ kiện nhập nhầm (có phiên bản, lý do) / Remove a fact entered by mistake', { params: facts.factParams, query: facts.clearFactQuery }),
  evalR('post', '/evaluations/:id/eligibility', 'Điều chỉnh diện đánh giá, có lý do / Override eligibility', { body: workflow.overrideBody }),

  subR('get', '/cycles/:year/submissions', 'Tình hình nộp báo cáo / Submissions', { ...year, query: submissions.listQuery }),
  subR('get', '/cycles/:year/submissions/:unitCode/ungraded', 'Đối tượng chưa xếp loại trước khi gửi kết quả / Subjects still ungraded before the submit', { ...year, query: submissions.listQuery }),
  subR('get', '/cycles/:year/submissions/:unitCode/history', 'Lịch sử báo cáo của đơn vị / A unit’s submission history', { ...year, query: submissions.listQuery }),
  subR('post', '/cycles/:year/submissions/:unitCode/:action', 'Soạn, nộp, trả lại, tiếp nhận, khóa báo cáo / Draft, submit, return, accept, lock', { params: cycles.yearParam.extend(submissions.actionParam.shape), body: submissions.actionBody }),

  formsR('post', '/forms/check', 'Kiểm tra một tài liệu số liệu biểu / Check a form-values document', { upload: 'JSON form-values/1 hoặc bảng tính .xlsx của phần mềm / JSON or the product’s workbook' }),
  formsR('post', '/forms/verify', 'Tính lại và so sánh số liệu đang lưu (quản trị) / Verify stored counts', { query: forms.verifyQuery }),
  formsR('get', '/forms/:unitCode/:year', 'Số liệu các biểu (form-values/1), cho hệ thống khác / The form-values document', formKey),
  formsR('get', '/forms/:unitCode/:year/check', 'Kiểm tra số liệu biểu trực tiếp / Check the live forms', formKey),
  formsR('get', '/forms/:unitCode/:year/xlsx', 'Các biểu dạng Excel / The forms workbook', { ...formKey, returns: 'xlsx' }),
  formsR('post', '/forms/:unitCode/:year/import', 'Nhập số liệu của đơn vị chỉ báo cáo số liệu, hoặc của một năm cũ (createCycle=1 mở kỳ năm đó) / Import counts (also a past year)', { ...formKey, query: forms.importFormsQuery, upload: 'JSON form-values/1 hoặc bảng tính .xlsx / JSON or workbook' }),
  formsR('get', '/forms/:unitCode/:year/:form', 'Một biểu / One form', { params: forms.keyParams.extend(forms.formParam.shape), query: forms.periodQuery }),
  formsR('get', '/forms/:unitCode/:year/:form/trace', 'Các đối tượng một ô đếm / What a cell counts', { params: forms.keyParams.extend(forms.formParam.shape), query: forms.traceQuery }),

  reportR('get', '/reports/:unitCode/:year', 'Thiết lập và nội dung báo cáo / Report settings and prose', reportKey),
  reportR('put', '/reports/:unitCode/:year', 'Sửa thiết lập, nội dung / Edit settings and prose', { ...reportKey, body: reports.reportBody }),
  reportR('get', '/reports/:unitCode/:year/values', 'Số liệu của báo cáo / The report’s numbers', reportKey),
  reportR('get', '/reports/:unitCode/:year/docx', 'Báo cáo (.docx) / The report (.docx)', { ...reportKey, returns: 'docx' }),
  reportR('get', '/reports/:unitCode/:year/pdf', 'Báo cáo (PDF) / The report (PDF)', { ...reportKey, returns: 'pdf' }),
  reportR('get', '/report-templates/active', 'Mẫu báo cáo đang dùng / The active template', { returns: 'docx' }),
  reportR('put', '/report-templates/active', 'Thay mẫu báo cáo (quản trị) / Replace the template', { upload: 'Tệp .docx (nội dung thô, ?name=) / A .docx as the raw body', status: 201 }),

  ioR('get', '/imports/template', 'Mẫu bảng tính nhập tổ chức / The import template', { returns: 'xlsx' }),
  ioR('post', '/imports', 'Nhập tổ chức: bắt đầu một lần nhập, theo dõi tiến độ ở GET /imports/{id} / Start an import', {
    query: importQuery,
    upload: 'Bảng tính theo mẫu, các tệp CSV (units.csv, persons.csv, …) hoặc một .zip chứa chúng / The template workbook, CSV files, or a zip of them',
    status: 202,
    returnsWhat: 'job: id, trạng thái, tiến độ (phase, done, total, percent, message) / the job',
  }),
  ioR('get', '/imports/:id', 'Tiến độ và kết quả một lần nhập / An import’s progress and report', { params: importJobParams }),
  ioR('get', '/exports/workbook', 'Xuất tổ chức trong phạm vi (bảng tính) / Export as the workbook', { query: exportQuery, returns: 'xlsx' }),
  ioR('get', '/exports/csv', 'Xuất tổ chức trong phạm vi (các tệp CSV, nén zip) / Export as CSV files', { query: exportQuery, returns: 'zip' }),
  cyclesR('get', '/cycles/:year/audit', 'Rà soát các mức đã quyết định theo dữ kiện và quy định hiện nay / Audit of decided grades', { ...year, query: progress.auditQuery, description: 'Mỗi vi phạm: đối tượng, mức đã quyết định, mức cao nhất được phép, quy định, căn cứ; `ok` sai khi có quy định bắt buộc bị vi phạm. / Each violation: subject, decided grade, highest allowed, rule, citation; `ok` is false when a binding rule is broken.' }),
  pagesR('get', '/cycles/:year/tree', 'Cây đơn vị với danh sách đảng viên, mức xếp loại, báo cáo, hạn / The tree with the roll, grades, report, deadline', { ...year, query: progress.treeQuery }),
  pagesR('get', '/dashboard/:unitCode/:year', 'Bảng điều khiển của cấp ủy / A committee’s dashboard', { params: forms.keyParams, query: progress.periodQuery }),
  pagesR('get', '/workspace/:unitCode/:year', 'Các đối tượng của một đơn vị với phiếu đánh giá / A unit’s subjects and their evaluations', { params: forms.keyParams, query: workspace.periodQuery }),
  pagesR('get', '/evaluations/:id/panel', 'Khung kiểm tra quy định bên cạnh phiếu / The rule check beside an evaluation'),
  pagesR('get', '/evaluations/:id/subject', 'Trang của một đối tượng với toàn bộ lịch sử / A subject’s page with its history'),
  pagesR('post', '/evaluations/:id/events', 'Thêm sự kiện của đối tượng qua phiếu (có phiên bản) / Add an event through the evaluation', { body: workspace.evaluationEventBody, status: 201 }),
  pagesR('delete', '/evaluations/:id/events/:eventId', 'Xóa sự kiện nhập nhầm (có phiên bản, lý do) / Remove an event entered by mistake', { query: workspace.removeEventQuery }),
  pagesR('get', '/search', 'Tìm đơn vị, đảng viên, tập thể (không phân biệt dấu) / Search ignoring diacritics', { query: search.searchQuery }),
  pagesR('get', '/forms/:unitCode/:year/layout', 'Các biểu như khi in, kèm kết quả kiểm tra / The forms as printed, with the findings', formKey),
  reportR('get', '/report-templates/active/info', 'Thông tin mẫu báo cáo đang dùng / About the active template'),
  usersR('get', '/users', 'Danh sách tài khoản / Accounts'),
  usersR('post', '/users', 'Tạo tài khoản / Create an account', { body: users.createUserBody, status: 201 }),
  usersR('patch', '/users/:username', 'Sửa tài khoản (vai trò, phạm vi, khóa) / Change an account', { body: users.changeUserBody }),
  usersR('post', '/users/:username/password', 'Đặt mật khẩu mới / Set a new password', { body: users.passwordBody }),
  usersR('post', '/users/:username/unlock', 'Bỏ chờ do đăng nhập sai (mọi địa chỉ) / Clear the failed sign-ins that slow a name'),
  usersR('get', '/audit', 'Nhật ký kiểm toán cho thanh tra, từng trang (việc đọc cũng được ghi) / The audit log for an inspector, a page at a time (the read is logged)', { query: audit.auditQuery }),
  usersR('get', '/audit/verify', 'Kiểm tra chuỗi mã băm của nhật ký / Verify the audit log’s hash chain'),
];
