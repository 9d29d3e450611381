import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCATION, makeBackend, setUpLocation, tempDir } from '../helpers/backend';

describe('recovery key PDF (herstelsleutel)', () => {
  it('contains the key and the location name, is a valid PDF with embedded fonts, and is gone once confirmed', async () => {
    const backend = makeBackend();
    const { recoveryKey } = await setUpLocation(backend);
    const pdf = await backend.ok('setup.recoveryKeyPdf', {});
    const file = path.join(tempDir(), pdf.fileName);
    fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));

    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    // Letter-spaced on paper: text extraction may split a group (e.g. "4KT Y") and drops the dash where
    // a line ends on one ("XMPD-⏎DEKE" → "XMPDDEKE"); the key is typed back without spaces or dashes anyway.
    const bare = (s: string) => s.replace(/[\s-]/g, '');
    expect(bare(text)).toContain(bare(recoveryKey));
    expect(text).toContain(LOCATION.name);
    expect(text).toContain(LOCATION.lrkNumber);
    execFileSync('qpdf', ['--check', file]); // throws on a damaged PDF
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/); // embedded, subset

    await backend.ok('setup.recoveryKeySaved', {});
    expect((await backend.err('setup.recoveryKeyPdf', {})).code).toBe('NOT_FOUND');
  });
});
