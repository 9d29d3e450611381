import path from 'node:path';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, net, protocol, safeStorage, session, shell } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { createBackend, type KeyringProtector } from '../backend';
import { prepareDemo } from '../backend/demo/launch';
import { APP_ORIGIN, APP_SCHEME, createMainWindow, denyAllPermissions, hardenContents, isAppFrame } from './window';

/**
 * The Electron shell: window security, the IPC bridge, file saving. Everything else lives in
 * electron/backend, which also runs in web mode.
 */

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** safeStorage adds an OS layer (DPAPI, Keychain, libsecret) — but not the plain-text fallback. */
function osProtector(): KeyringProtector | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    name: 'safeStorage',
    seal: (plain) => safeStorage.encryptString(plain.toString('base64')),
    open: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}

async function main() {
  await app.whenReady();
  const demo = process.argv.includes('--demo');
  const dataDir = path.resolve(argValue('--data-dir') ?? app.getPath('userData') + (demo ? '-demo' : ''));
  const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(app.getAppPath(), 'resources');
  const rendererDir = path.join(__dirname, '..', 'renderer');
  const backend = createBackend({ dataDir, resourcesDir, protector: osProtector() });
  if (demo) await prepareDemo(backend, (line) => console.log(line));

  denyAllPermissions(session.defaultSession);

  protocol.handle(APP_SCHEME, async (request) => {
    const { pathname } = new URL(request.url);
    const file = path.normalize(path.join(rendererDir, decodeURIComponent(pathname === '/' ? '/index.html' : pathname)));
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });

  ipcMain.handle('api', async (event, method: unknown, input: unknown) => {
    if (!isAppFrame(event.senderFrame?.url) || typeof method !== 'string') {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Verzoek niet toegestaan.' } };
    }
    return backend.call(method, input);
  });

  ipcMain.handle('save-file', async (event, fileName: unknown, base64: unknown) => {
    if (!isAppFrame(event.senderFrame?.url) || typeof fileName !== 'string' || typeof base64 !== 'string') return false;
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = { defaultPath: path.basename(fileName), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return false;
    fs.writeFileSync(result.filePath, Buffer.from(base64, 'base64'));
    void shell.openPath(result.filePath); // opens in the PDF viewer, from where it is printed
    return true;
  });

  /** The OS folder dialog; the chosen path or null. */
  const chooseFolder = async (sender: Electron.WebContents, title: string): Promise<string | null> => {
    const window = BrowserWindow.fromWebContents(sender);
    const options: Electron.OpenDialogOptions = { title, properties: ['openDirectory', 'createDirectory'] };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };

  // Back-ups: the manager picks the folder (e.g. the network share); the backend checks it.
  ipcMain.handle('pick-folder', async (event, title: unknown) => {
    if (!isAppFrame(event.senderFrame?.url)) return null;
    return chooseFolder(event.sender, typeof title === 'string' ? title.slice(0, 100) : 'Map kiezen');
  });

  // Dataportabiliteit: the manager picks a folder; the bundle goes into a new subfolder there.
  ipcMain.handle('save-folder', async (event, folderName: unknown, files: unknown) => {
    if (!isAppFrame(event.senderFrame?.url) || typeof folderName !== 'string' || !Array.isArray(files)) return false;
    const valid = files.filter((f): f is { fileName: string; base64: string } => typeof f?.fileName === 'string' && typeof f?.base64 === 'string');
    if (valid.length !== files.length) return false;
    const folder = await chooseFolder(event.sender, 'Map kiezen');
    if (!folder) return false;
    // Names come from the renderer: only their base name is used, so nothing is written outside the folder.
    const target = path.join(folder, path.basename(folderName));
    fs.mkdirSync(target, { recursive: true });
    for (const file of valid) fs.writeFileSync(path.join(target, path.basename(file.fileName)), Buffer.from(file.base64, 'base64'));
    void shell.openPath(target);
    return true;
  });

  app.on('web-contents-created', (_event, contents) => hardenContents(contents));

  const window = createMainWindow(BrowserWindow, path.join(__dirname, '..', 'preload', 'index.js'));
  window.once('ready-to-show', () => window.show());
  await window.loadURL(`${APP_ORIGIN}/index.html`);

  app.on('window-all-closed', () => {
    void backend.close().finally(() => app.quit());
  });
}

void main();
