import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { tempDir } from './backend';

/** Writes a returned PDF, checks it with qpdf and pdffonts (all fonts embedded), returns its text (pdftotext). */
export function readPdf(file: { fileName: string; base64: string }, options: { layout?: boolean } = {}): string {
  const target = path.join(tempDir(), file.fileName);
  fs.writeFileSync(target, Buffer.from(file.base64, 'base64'));
  execFileSync('qpdf', ['--check', target]);
  const fonts = execFileSync('pdffonts', [target], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  for (const line of fonts) expect(line, 'font embedded').toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
  return execFileSync('pdftotext', [...(options.layout === false ? [] : ['-layout']), target, '-'], { encoding: 'utf8' });
}
