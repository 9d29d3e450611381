import { zipSync } from 'fflate';
import { contract, type MethodInput, type MethodName, type MethodOutput } from '../../../shared/api/contract';
import type { ErrorCode } from '../../../shared/api/result';
import { ApiError } from '../../../shared/api/result';
import { isMessageKey, translate } from '../../../shared/i18n/translate';
import i18n, { currentLanguage } from '../i18n';

/**
 * The typed API client. One function, `call`, for every method of the shared contract.
 *
 * Transport:
 * - Electron: `window.api.call` (preload bridge, one IPC channel).
 * - Web mode: `POST /api/<method>` with the per-launch token from the first URL. The token is
 *   moved into sessionStorage and removed from the address bar, so it does not linger in the
 *   history or end up in a screenshot.
 */

/** Client-side failures that never come from the backend (server unreachable, bad response). */
export type ClientErrorCode = ErrorCode | 'NETWORK';

export class ApiCallError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly details: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

export const isApiCallError = (error: unknown): error is ApiCallError => error instanceof ApiCallError;

const TOKEN_KEY = 'kop.webToken';

/** Runs once at module load: take the token out of the URL before the router reads it. */
function captureWebToken(): void {
  if (typeof window === 'undefined' || window.api) return;
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (token) {
    sessionStorage.setItem(TOKEN_KEY, token);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
}
captureWebToken();

const EnvelopeShape = {
  isEnvelope(value: unknown): value is { ok: true; value: unknown } | { ok: false; error: unknown } {
    return typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';
  },
};

async function transport(method: MethodName, input: unknown): Promise<unknown> {
  if (window.api) return window.api.call(method, input);
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY) ?? ''}`,
      },
      body: JSON.stringify(input),
      cache: 'no-store',
    });
  } catch {
    throw new ApiCallError('NETWORK', i18n.t('errors.network'));
  }
  try {
    return await response.json();
  } catch {
    throw new ApiCallError('NETWORK', i18n.t('errors.badResponse', { status: response.status }));
  }
}

/** The backend's Dutch text, or its catalogue reference in the UI language when this renderer knows the key. */
function inUiLanguage(text: string, ref: ApiError['ref']): string {
  return ref && isMessageKey(ref.key) ? translate({ key: ref.key, params: ref.params }, currentLanguage()) : text;
}

/** Calls one API method; resolves to its typed output or throws an `ApiCallError`. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const envelope = await transport(method, input);
  if (!EnvelopeShape.isEnvelope(envelope)) {
    throw new ApiCallError('NETWORK', i18n.t('errors.badResponse', { status: '?' }));
  }
  if (!envelope.ok) {
    const parsed = ApiError.safeParse(envelope.error);
    if (!parsed.success) throw new ApiCallError('INTERNAL', i18n.t('errors.unexpected'));
    const { code, message, ref, details = {}, detailRefs = {} } = parsed.data;
    const fields = Object.fromEntries(Object.entries(details).map(([path, text]) => [path, inUiLanguage(text, detailRefs[path])]));
    throw new ApiCallError(code, inUiLanguage(message, ref), fields);
  }
  // The backend validated the output already; parsing again protects the UI from a mismatched
  // backend version. (TypeScript cannot narrow the indexed schema by the generic M, hence the cast.)
  const output = contract[method].output.safeParse(envelope.value);
  if (!output.success) throw new ApiCallError('INTERNAL', i18n.t('errors.unexpected'));
  return output.data as MethodOutput<M>;
}

/** Offers bytes as a browser download (web mode). */
function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function download(fileName: string, data: string | Uint8Array<ArrayBuffer>) {
  const bytes = typeof data === 'string' ? bytesOf(data) : data;
  const url = URL.createObjectURL(new Blob([bytes], { type: fileName.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the object URL is released.
  setTimeout(() => { URL.revokeObjectURL(url); }, 10_000);
}

/** Saves a file the backend produced (PDF). Electron asks where; the browser downloads it. */
export async function saveFile(fileName: string, base64: string): Promise<boolean> {
  if (window.api) return window.api.saveFile(fileName, base64);
  download(fileName, base64);
  return true;
}

/**
 * Saves several files together (dataportabiliteit). Electron asks for a folder and writes them in
 * a new subfolder; the browser downloads each file, named after the folder.
 */
/** Only the desktop app can show the OS folder dialog; in web mode the path is typed. */
export const canPickFolder = () => Boolean(window.api);

/** The OS folder dialog (Electron); null when cancelled or in web mode. */
export async function pickFolder(title: string): Promise<string | null> {
  return window.api ? window.api.pickFolder(title) : null;
}

export async function saveFolder(folderName: string, files: { fileName: string; base64: string }[]): Promise<boolean> {
  if (window.api) return window.api.saveFolder(folderName, files);
  // The browser cannot write a folder: one ZIP with the same files, instead of a download per file.
  const zip = zipSync(Object.fromEntries(files.map((file) => [`${folderName}/${file.fileName}`, bytesOf(file.base64)])));
  download(`${folderName}.zip`, zip as Uint8Array<ArrayBuffer>);
  return true;
}
