// @vitest-environment jsdom
/**
 * The Word export of the annual report against markup and XML injection. Everything a user types
 * that reaches the document — the narrative (sections 一, 五, 六) and the organisation name (title,
 * signature, document properties) — is saved through the API with an injection corpus, the report
 * is read back as the app reads it and turned into a .docx, and every XML part of the package is
 * parsed: each must be well-formed, each payload must come out as literal text (invalid XML
 * characters dropped), the document must have exactly the elements of the same report with
 * harmless text (no run, text, field or hyperlink injected) and no external relationship.
 * Catalogue titles and review cases do not reach the document (counts only): a catalogue title with
 * the same payloads is shown to stay out.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { buildReportDocument } from '@/features/reports/docx';
import { xmlSafe } from '@/lib/gongwen';
import type { AnnualReport } from '@/features/reports/types';
import { as } from '../api';
import { seedOn } from '../seed-day';

// Written for any day; pinned so that one run of it (on any TEST_TODAY) is enough.
seedOn('2026-11-26');

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const YEAR = 2017;

/** Input → the text it must show as (same but for characters XML 1.0 does not allow). */
const CORPUS: [string, string][] = [
  ['<script>alert(1)</script>', '<script>alert(1)</script>'],
  ['</w:t></w:r><w:r><w:t>injected', '</w:t></w:r><w:r><w:t>injected'],
  [
    '<w:hyperlink r:id="rId99"><w:r><w:t>click</w:t></w:r></w:hyperlink>',
    '<w:hyperlink r:id="rId99"><w:r><w:t>click</w:t></w:r></w:hyperlink>',
  ],
  [
    '<w:fldSimple w:instr="INCLUDETEXT &quot;http://x&quot;"/>',
    '<w:fldSimple w:instr="INCLUDETEXT &quot;http://x&quot;"/>',
  ],
  ['<![CDATA[x]]> ]]>', '<![CDATA[x]]> ]]>'],
  ['&amp; &lt; &#0; &#x1; &e;', '&amp; &lt; &#0; &#x1; &e;'],
  [
    '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
    '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
  ],
  ['"><img src=x onerror=alert(1)>', '"><img src=x onerror=alert(1)>'],
  ["' onmouseover='alert(1)", "' onmouseover='alert(1)"],
  ['=HYPERLINK("http://x","y")', '=HYPERLINK("http://x","y")'],
  ['{organisation}{year}{n}', '{organisation}{year}{n}'],
  ['a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg', 'abcdefg'],
  ['x\uD800y\uDBFFz\uDC00w\uDFFF', 'xyzw'],
  ['u\uFFFEv\uFFFFw', 'uvw'],
  ['\u202Etxt.exe 右至左', '\u202Etxt.exe 右至左'],
  ['tab\there \u007F\u0085', 'tab\there \u007F\u0085'],
  ['𠀀𪚥 😀 长治', '𠀀𪚥 😀 长治'],
];
const ORG: [string, string] = [
  '长治<script>&"\'</w:t><w:r>\u0000\uD800\uFFFF市民政局',
  '长治<script>&"\'</w:t><w:r>市民政局',
];

/** Every part of the package, by name. */
async function unzip(report: AnnualReport) {
  const buffer = await Packer.toBuffer(buildReportDocument(report));
  const zip = await JSZip.loadAsync(buffer);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort())
    if (!zip.files[name]!.dir) parts[name] = await zip.file(name)!.async('string');
  return parts;
}

/** jsdom's XML parser: strict XML 1.0, a <parsererror> document when not well-formed. */
const parse = (xml: string) => new DOMParser().parseFromString(xml, 'application/xml');
/** The parse error of an XML text, or null when well-formed. */
function xmlError(xml: string | Document): string | null {
  const doc = typeof xml === 'string' ? parse(xml) : xml;
  const err = doc.getElementsByTagName('parsererror')[0];
  return err ? (err.textContent ?? 'parse error') : null;
}
/** Characters XML 1.0 does not allow, found in the raw text (an independent check). */
const INVALID_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Each paragraph's text: its w:t elements' text joined. */
const paragraphs = (doc: Document) =>
  [...doc.getElementsByTagNameNS(W, 'p')].map((p) =>
    [...p.getElementsByTagNameNS(W, 't')].map((t) => t.textContent).join(''),
  );
/** How many of each element: equal counts mean the same structure. */
function elementCounts(doc: Document) {
  const counts: Record<string, number> = {};
  for (const el of doc.getElementsByTagName('*'))
    counts[el.tagName] = (counts[el.tagName] ?? 0) + 1;
  return counts;
}

/** The report after saving the organisation name and narrative through the API. */
async function reportWith(
  org: string,
  narrative: { overview: string; problems: string; other: string },
) {
  const admin = await as('admin');
  const current = (await admin.get('/settings/organisation')).body;
  const saved = await admin.putCurrent('/settings/organisation', { ...current, name: org });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const clerk = await as('clerk');
  const before = await clerk.get<AnnualReport>(`/reports/annual/${YEAR}`);
  const version = (before.body.narrative as { version?: number }).version ?? 1;
  const put = await clerk.put(`/reports/annual/${YEAR}/narrative`, narrative, {
    'If-Match': `"${version}"`,
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  const leader = await as('leader');
  const r = await leader.get<AnnualReport>(`/reports/annual/${YEAR}`);
  expect(r.status).toBe(200);
  return r.body;
}

const inputs = CORPUS.map(([input]) => input);
const expected = CORPUS.map(([, out]) => out);
const injected = {
  overview: inputs.join('\n'),
  problems: inputs.join('\n'),
  other: inputs.join('\n'),
};
const harmless = CORPUS.map((_, i) => `X${i}`).join('\n');

describe('the oracle', () => {
  it('tells malformed XML from well-formed', () => {
    expect(xmlError('<a><b>ok &amp; &lt;</b></a>')).toBeNull();
    expect(xmlError('<a>\u0001</a>')).not.toBeNull();
    expect(xmlError('<a>\uFFFE</a>')).not.toBeNull();
    expect(xmlError('<a>&e;</a>')).not.toBeNull();
    expect(xmlError('<a></w:t></a>')).not.toBeNull();
  });
});

describe('the Word export with injected text', () => {
  it('is well-formed, shows every payload as text, injects no element, links nothing outside', async () => {
    const report = await reportWith(ORG[0], injected);
    // The API keeps what was typed: the export is what has to cope.
    expect(report.organisation).toBe(ORG[0]);
    expect(report.narrative.overview).toBe(injected.overview);
    const parts = await unzip(report);
    const safe = await unzip(
      await reportWith('长治市民政局', { overview: harmless, problems: harmless, other: harmless }),
    );

    expect(Object.keys(parts)).toEqual(Object.keys(safe));
    const parsed: Record<string, Document> = {};
    for (const [name, xml] of Object.entries(parts)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      parsed[name] = parse(xml);
      expect(xmlError(parsed[name]), name).toBeNull();
      expect(INVALID_XML_CHAR.test(xml), `${name} has a character XML does not allow`).toBe(false);
      // Same elements, same number of each: no w:r, w:t, w:hyperlink, w:fldSimple or anything else added.
      expect(elementCounts(parsed[name]), name).toEqual(elementCounts(parse(safe[name]!)));
    }

    const doc = parts['word/document.xml']!;
    const paras = paragraphs(parsed['word/document.xml']!);
    // Sections 一, 五 and 六: each payload its own paragraph, literally, three times over.
    for (const text of expected)
      expect(
        paras.filter((p) => p === text),
        text,
      ).toHaveLength(3);
    // The organisation: in the title and above the date, literally.
    expect(paras).toContain(`${ORG[1]}${YEAR}年政府信息公开工作年度报告`);
    expect(paras).toContain(ORG[1]);
    // Markup came out escaped, not as elements.
    expect(doc).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(doc).toContain('&lt;/w:t&gt;&lt;/w:r&gt;&lt;w:r&gt;&lt;w:t&gt;injected');
    expect(doc).not.toMatch(
      /<script|<img|<w:hyperlink|<w:fldSimple|<w:instrText|<!DOCTYPE|<!ENTITY/,
    );

    // Document properties carry the title and the organisation as text.
    const core = parsed['docProps/core.xml']!;
    expect(core.getElementsByTagName('dc:title')[0]!.textContent).toBe(
      `${ORG[1]}${YEAR}年政府信息公开工作年度报告`,
    );
    expect(core.getElementsByTagName('dc:creator')[0]!.textContent).toBe(ORG[1]);

    // No relationship points outside the package.
    for (const [name, xml] of Object.entries(parts)) {
      if (!name.endsWith('.rels')) continue;
      expect(xml, name).not.toMatch(/TargetMode="External"/i);
      for (const rel of parsed[name]!.getElementsByTagName('Relationship'))
        expect(rel.getAttribute('Target'), name).not.toMatch(/^[a-z][a-z0-9+.-]*:/i);
    }
  });

  it('leaves catalogue titles out of the document', async () => {
    const clerk = await as('clerk');
    const title = '<script>alert(1)</script></w:t><w:r><w:t>目录注入';
    const created = await clerk.post('/catalogue', {
      title,
      category: 'policy',
      docType: 'other',
      publisher: '长治市民政局',
      formedOn: `${YEAR}-03-02`,
      publishedOn: `${YEAR}-03-10`,
      attribute: 'proactive',
      channels: ['website'],
    });
    expect(created.status).toBe(201);
    const leader = await as('leader');
    const report = (await leader.get<AnnualReport>(`/reports/annual/${YEAR}`)).body;
    const doc = (await unzip(report))['word/document.xml']!;
    expect(xmlError(doc)).toBeNull();
    expect(doc).not.toContain('目录注入');
  });

  it('any text at all (control characters, lone surrogates included) gives a well-formed document', async () => {
    const leader = await as('leader');
    const base = (await leader.get<AnnualReport>(`/reports/annual/${YEAR}`)).body;
    /** The characters XML 1.0 allows, found by code point (not by the function under test). */
    const allowed = (s: string) =>
      [...s]
        .filter((ch) => {
          const c = ch.codePointAt(0)!;
          return (
            c === 0x9 ||
            c === 0xa ||
            c === 0xd ||
            (c >= 0x20 && c <= 0xd7ff) ||
            (c >= 0xe000 && c <= 0xfffd) ||
            c >= 0x10000
          );
        })
        .join('');
    const unit = fc.oneof(
      fc.constantFrom(
        '\u0000',
        '\u0008',
        '\uD800',
        '\uDC00',
        '\uFFFE',
        '<',
        '&',
        ']]>',
        '\r',
        '\n',
      ),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    /** XML reads a carriage return (alone or before a newline) as a newline. */
    const eol = (s: string) => s.replace(/\r\n?/g, '\n');
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit, minLength: 1, maxLength: 30 }),
        fc.string({ unit, minLength: 1, maxLength: 30 }),
        async (org, text) => {
          const report: AnnualReport = {
            ...base,
            organisation: org,
            narrative: { ...base.narrative, overview: text, problems: text, other: text },
          };
          const parts = await unzip(report);
          const docs = ['word/document.xml', 'docProps/core.xml'].map((name) => {
            const d = parse(parts[name]!);
            expect(xmlError(d), name).toBeNull();
            expect(INVALID_XML_CHAR.test(parts[name]!), name).toBe(false);
            return d;
          });
          const paras = paragraphs(docs[0]!);
          const lines = allowed(text)
            .split(/[\r\n]+/)
            .map((s) => s.trim())
            .filter(Boolean);
          for (const line of lines) expect(paras).toContain(line);
          expect(paras).toContain(eol(allowed(org)));
        },
      ),
      { numRuns: 15 },
    );
    // Fifteen whole documents: a few seconds idle, minutes on a loaded two-core machine.
  }, 300_000);
});

describe('xmlSafe', () => {
  it('drops what XML 1.0 does not allow and keeps the rest as it is', () => {
    for (const [input, out] of CORPUS) expect(xmlSafe(input)).toBe(out);
    expect(xmlSafe('')).toBe('');
    expect(xmlSafe('\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008')).toBe('');
    expect(xmlSafe('\u000B\u000C\u000E\u000F\u0010\u001A\u001B\u001F')).toBe('');
    // Tab, newline and carriage return are the three control characters XML keeps.
    expect(xmlSafe('\t\n\r')).toBe('\t\n\r');
    // The edges of the allowed ranges.
    expect(xmlSafe('\u0020\uD7FF\uE000\uFFFD')).toBe('\u0020\uD7FF\uE000\uFFFD');
    expect(xmlSafe('\uFFFE\uFFFF')).toBe('');
    // A surrogate pair is one character (U+10000 … U+10FFFF); half of one is not.
    expect(xmlSafe('\uD800\uDC00 \uDBFF\uDFFF')).toBe('\uD800\uDC00 \uDBFF\uDFFF');
    expect(xmlSafe('\uDC00\uD800')).toBe('');
    expect(xmlSafe('a\uD83D')).toBe('a');
    // Markup is not its business: docx escapes it.
    expect(xmlSafe('<w:t>&amp;</w:t>')).toBe('<w:t>&amp;</w:t>');
  });

  it('is idempotent and leaves only allowed characters, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const out = xmlSafe(s);
        expect(xmlSafe(out)).toBe(out);
        expect(INVALID_XML_CHAR.test(out)).toBe(false);
        // Only dropped characters: what stays is in order.
        expect([...out].every((ch) => s.includes(ch))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
