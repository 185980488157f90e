/**
 * `npm run dev`: the API server on PORT+1, restarted by tsx on every change of src/, and Vite's dev
 * server on PORT with hot reload of the pages, sending /api to the API server. Open the address
 * Vite prints (http://localhost:3000 by default). Ctrl+C stops both.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? 3000);
const apiPort = port + 1;
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const apiServer = spawn(process.execPath, [tsxCli, 'watch', 'src/cli/main.ts', 'serve', '--port', String(apiPort), '--host', '127.0.0.1', '--no-web-build'], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
process.env.XEPLOAI_API_PORT = String(apiPort);
const { createServer } = await import('vite');
const vite = await createServer({ configFile: join(root, 'web', 'vite.config.ts'), server: { port, strictPort: true } });
await vite.listen();
vite.printUrls();
console.log(`Máy chủ API: http://127.0.0.1:${apiPort} (trang web có hot reload: http://localhost:${port})`);
const stop = async () => {
  apiServer.kill('SIGTERM');
  await vite.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
