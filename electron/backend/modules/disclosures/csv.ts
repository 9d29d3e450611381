/**
 * CSV the way Dutch Excel opens it without an import wizard: UTF-8 with BOM, semicolons, CRLF.
 * A cell that starts with = + - @ is prefixed with ' so a spreadsheet never runs it as a formula.
 * `preamble` lines (label; value) come first, then a blank line, then the table.
 */
export function toCsv(header: string[], rows: string[][], preamble: string[][] = []): Buffer {
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [...preamble, ...(preamble.length > 0 ? [[]] : []), header, ...rows].map((r) => r.map(cell).join(';'));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}
