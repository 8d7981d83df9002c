import { expect } from 'chai';
import { InvalidRequest } from '../../src/errors/errors.js';
import { decodeHex, isHexOf, toHex } from '../../src/wallet/hex.js';

describe('wallet/hex', () => {
  describe('decodeHex()', () => {
    describe('when called with well-formed hex', () => {
      const cases: ReadonlyArray<readonly [string, string, number[]]> = [
        ['lowercase', '00ff10', [0x00, 0xff, 0x10]],
        ['uppercase', '00FF10', [0x00, 0xff, 0x10]],
        ['mixed case', 'aBcD', [0xab, 0xcd]],
        ['0x prefix', '0x0a0B', [0x0a, 0x0b]],
        ['0X prefix', '0XdeadBEEF', [0xde, 0xad, 0xbe, 0xef]],
        ['a single byte', '7f', [0x7f]],
        ['a body that itself starts with 0', '0x00', [0x00]],
      ];
      for (const [name, input, bytes] of cases) {
        it(`decodes ${name} (${JSON.stringify(input)})`, () => {
          expect(Array.from(decodeHex(input))).to.deep.equal(bytes);
        });
      }
    });

    describe('when called with malformed input', () => {
      const bad: ReadonlyArray<readonly [string, unknown]> = [
        ['empty string', ''],
        ['0x alone', '0x'],
        ['0X alone', '0X'],
        ['odd length', 'abc'],
        ['odd length after prefix', '0x123'],
        ['a single digit', 'f'],
        ['non-hex letter', 'zz'],
        ['non-hex in the middle (Buffer would truncate here)', 'aabbxxcc'],
        ['non-hex at the end', 'aabbccg0'],
        ['double prefix', '0x0x00'],
        ['prefix in the middle', '000x00'],
        ['leading whitespace', ' 00'],
        ['trailing whitespace', '00 '],
        ['trailing newline', '00\n'],
        ['sign', '-1'],
        ['unicode fullwidth digits', '\uff10\uff11'],
        ['unicode letters', 'ééé0'],
        ['emoji (surrogate pair, even UTF-16 length)', '\u{1F600}'],
        ['a number, not a string', 0x12],
        ['null', null],
      ];
      for (const [name, input] of bad) {
        it(`throws InvalidRequest 'invalid hex encoding' for ${name}`, () => {
          expect(() => decodeHex(input as string))
            .to.throw(InvalidRequest, /^invalid hex encoding$/)
            .with.property('status', 400);
        });
      }
    });
  });

  describe('toHex()', () => {
    it('encodes lowercase without prefix, keeping leading zeros', () => {
      expect(toHex(Uint8Array.of(0x00, 0xab, 0x0c, 0xff))).to.equal('00ab0cff');
    });

    it('round-trips with decodeHex', () => {
      const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
      expect(decodeHex(toHex(bytes))).to.deep.equal(bytes);
      expect(decodeHex(`0X${toHex(bytes).toUpperCase()}`)).to.deep.equal(bytes);
    });
  });

  describe('isHexOf()', () => {
    const bytes = Uint8Array.of(0xab, 0xcd);
    it('matches with or without prefix, in any case', () => {
      for (const value of ['abcd', 'ABCD', '0xabcd', '0XAbCd']) {
        expect(isHexOf(value, bytes), value).to.equal(true);
      }
    });
    it('rejects other bytes, a prefix of the bytes, and an empty string', () => {
      for (const value of ['abce', 'ab', 'abcd00', '', '0x']) {
        expect(isHexOf(value, bytes), value).to.equal(false);
      }
    });
  });
});
