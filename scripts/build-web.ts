/** `npm run build` (second half): builds the web application into web/dist and stamps it with its sources' hash. */
import { buildWeb } from '../src/server/web-build.js';

await buildWeb();
