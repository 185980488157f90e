/**
 * `npm run spec:compare -- FOLDER`: are the copies under tests/fixtures/spec/ still equal to the team's
 * specification folder, named by the maintainer who has it? A maintainer's check, not a test: nothing
 * in the repository reads outside the clone (no default path beside it), and the tests read only the
 * copies, so a clone with nothing beside it passes them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SPEC_DIR, SPEC_FILES } from '../tests/fixtures/spec.js';

const given = process.argv[2];
if (!given) {
  console.error('Cách dùng: npm run spec:compare -- THƯ_MỤC_ĐẶC_TẢ (thư mục domain của bộ đặc tả chung) / Usage: npm run spec:compare -- SPEC_FOLDER');
  process.exit(2);
}
const folder = resolve(given);
if (!existsSync(folder)) {
  console.error(`Không thấy thư mục đặc tả ${folder} / No such folder`);
  process.exit(2);
}
let differs = 0;
for (const file of SPEC_FILES) {
  const original = join(folder, file);
  if (!existsSync(original)) {
    console.log(`✗ ${file}: không còn trong ${folder} (xoá bản sao hoặc tìm nơi nó đã chuyển tới)`);
    differs++;
  } else if (readFileSync(original, 'utf8') !== readFileSync(join(SPEC_DIR, file), 'utf8')) {
    console.log(`✗ ${file}: khác bản gốc ${original} — chép lại vào tests/fixtures/spec/`);
    differs++;
  } else console.log(`✓ ${file}`);
}
process.exit(differs ? 1 : 0);
