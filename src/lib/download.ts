/**
 * Saving a file the app made (CSV, Excel, Word) under a name that may carry user data — the
 * organisation's name in the annual report's, for one.
 */

/**
 * What no file name should carry: control characters, bidirectional and zero-width format
 * characters (a right-to-left override, U+202E, makes `报告<RLO>xcod.exe` display as
 * `报告exe.docx`), and what Windows or a path would read as syntax.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\\/:*?"<>|]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
/** 80 characters: even in CJK (3 bytes each in UTF-8) well inside file systems' 255 bytes. */
const MAX_STEM = 80;

/** `name` made safe to save: unsafe characters become `_`, the extension is kept. */
export function safeFileName(name: string, fallback = 'download'): string {
  const dot = name.lastIndexOf('.');
  const ext = dot >= 0 && /^\.[A-Za-z0-9]{1,8}$/.test(name.slice(dot)) ? name.slice(dot) : '';
  let stem = (ext ? name.slice(0, dot) : name)
    .replace(UNSAFE, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  stem = [...stem]
    .slice(0, MAX_STEM)
    .join('')
    .replace(/[.\s]+$/, '');
  if (RESERVED.test(stem)) stem = `_${stem}`;
  return `${stem || fallback}${ext}`;
}

/** An export's name as the office files it: 「来信办理_2026-12-05.csv」 (the stem in the UI's language). */
export const datedFileName = (stem: string, day: string, ext: string) => `${stem}_${day}.${ext}`;

/** Saves `blob` as a download named (safely) `filename`. */
export function downloadBlob(filename: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = safeFileName(filename);
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Long enough for the browser to start the download of a large file.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
