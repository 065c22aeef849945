/**
 * Reading report files' bytes (cli/encoding.ts): every encoding a report arrives in gives the
 * text a fatal UTF-8 (or GB18030, UTF-16) decoder gives, and UTF-8 text decoded the fast way
 * (ICU's transcoder, Latin-1 for ASCII) is the very string V8's own decoder makes — on text of
 * every width of UTF-8 sequence, at the edges of each width, and on the characters a decoder
 * might treat specially (a BOM in the middle, noncharacters, the replacement character).
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { decode, encode, validUtf8 } from '../../server/src/cli/encoding';

const SAMPLES: Record<string, string> = {
  empty: '',
  ascii: '| 规章 | 0 |'.replace(/[^\x00-\x7f]/g, 'x') + '\n\t~`\x7f\x01',
  latin1: 'café Ünïcödé ÿ ¡',
  chinese: '一、总体情况\n2024年，本机关主动公开政府信息1,234条。（二）政府信息管理',
  fullWidth: '０１２３％，。；：“”‘’、（）【】',
  edges: String.fromCodePoint(0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x10ffff),
  midBom: '前\ufeff后\ufeff',
  nonCharacters: '\ufffe\uffff\ufdd0',
  astral: '😀𠀀𪚥 and 𝄞',
};

describe('decode: UTF-8', () => {
  for (const [name, text] of Object.entries(SAMPLES)) {
    it(`${name}: the string V8's decoder gives, with the encoding named`, () => {
      const bytes = Buffer.from(text, 'utf8');
      assert.equal(validUtf8(bytes), bytes.toString('utf8'));
      assert.equal(validUtf8(bytes), text);
      const d = decode(bytes);
      assert.equal(d.text, text);
      assert.equal(d.encoding, 'utf-8');
      // Written back byte for byte.
      assert.deepEqual(Buffer.from(encode(d.text, d.encoding)!), bytes);
    });
  }

  it('a view into a larger buffer decodes only its own bytes', () => {
    const whole = Buffer.from('前缀' + SAMPLES.chinese + '后缀', 'utf8');
    const start = Buffer.byteLength('前缀');
    const view = new Uint8Array(whole.buffer, whole.byteOffset + start, Buffer.byteLength(SAMPLES.chinese));
    assert.equal(validUtf8(view), SAMPLES.chinese);
    assert.equal(decode(view).text, SAMPLES.chinese);
  });

  it('a long text, as a whole report is', () => {
    const text = (SAMPLES.chinese + SAMPLES.astral + SAMPLES.edges + '\n').repeat(3000);
    assert.equal(decode(Buffer.from(text, 'utf8')).text, text);
  });
});

describe('decode: the other encodings', () => {
  it('UTF-8 with a BOM', () => {
    const d = decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLES.chinese)]));
    assert.deepEqual(d, { text: SAMPLES.chinese, encoding: 'utf-8-bom' });
  });

  it('UTF-16 with a BOM, either byte order', () => {
    const le = decode(Buffer.from(encode(SAMPLES.astral, 'utf-16le')!));
    assert.deepEqual(le, { text: SAMPLES.astral, encoding: 'utf-16le' });
    const be = decode(Buffer.from(encode(SAMPLES.chinese, 'utf-16be')!));
    assert.deepEqual(be, { text: SAMPLES.chinese, encoding: 'utf-16be' });
  });

  it('bytes that are not UTF-8 are read as GB18030', () => {
    // 政府 in GBK.
    const d = decode(Buffer.from([0xd5, 0xfe, 0xb8, 0xae]));
    assert.deepEqual(d, { text: '政府', encoding: 'gb18030' });
  });
});
