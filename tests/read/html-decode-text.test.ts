import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeText, sniffHtmlCharset } from '../../lib/read/decode-text.ts';

// 政府信息公开 in GBK, written out so the test does not need an encoder
const GBK = [0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa];
const TEXT = '政府信息公开';

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const bytes = new TextEncoder().encode(`${TEXT}\r\n第二行`);
    assert.deepEqual(decodeText(bytes), { text: `${TEXT}\n第二行`, encoding: 'utf-8' });
    assert.deepEqual(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])), { text: `${TEXT}\n第二行`, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = Buffer.from(`\ufeff${TEXT}\r\n`, 'utf16le');
    assert.deepEqual(decodeText(le), { text: `${TEXT}\n`, encoding: 'utf-16le' });
    const be = Buffer.from(le).swap16();
    assert.deepEqual(decodeText(be), { text: `${TEXT}\n`, encoding: 'utf-16be' });
  });

  it('falls back to GB18030 for GBK bytes that are not UTF-8', () => {
    assert.deepEqual(decodeText(new Uint8Array(GBK)), { text: TEXT, encoding: 'gb18030' });
    assert.deepEqual(decodeText(new Uint8Array(GBK), 'gb2312'), { text: TEXT, encoding: 'gb18030' });
  });

  it('honours a declared Big5 charset for a traditional-character page', () => {
    // 政府 in Big5
    assert.deepEqual(decodeText(new Uint8Array([0xac, 0x46, 0xa9, 0xb2]), 'big5'), { text: '政府', encoding: 'big5' });
  });

  it('turns lone CR into LF', () => {
    assert.equal(decodeText(new TextEncoder().encode('a\rb\r\nc')).text, 'a\nb\nc');
  });
});

describe('sniffHtmlCharset', () => {
  it('finds <meta charset> and http-equiv declarations', () => {
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    assert.equal(sniffHtmlCharset(enc('<meta charset="GB2312">')), 'gb2312');
    assert.equal(sniffHtmlCharset(enc('<meta http-equiv="Content-Type" content="text/html; charset=gbk" />')), 'gbk');
    assert.equal(sniffHtmlCharset(enc('<p>no meta</p>')), undefined);
  });
});
