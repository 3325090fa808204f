import { describe, expect, it } from 'vitest';
import { buildTsQuery, codeTokens, phoneTokens, textTokens } from './search.ts';

describe('search tokens', () => {
  it('makes bigrams and single characters from Chinese', () => {
    expect(textTokens('华为技术')).toEqual(['华', '华为', '为', '为技', '技', '技术', '术']);
  });

  it('keeps Latin words and numbers whole, lower-cased, split at letter/digit boundaries', () => {
    const tokens = textTokens('Printer HP-LaserJet M1005 坏了');
    expect(tokens).toEqual(expect.arrayContaining(['printer', 'hp', 'laserjet', 'm1005', 'm', '1005', '坏了']));
  });

  it('normalises full-width characters', () => {
    expect(textTokens('ＡＢＣ１２３')).toContain('abc123');
  });

  it('adds phone suffixes of four digits or more', () => {
    const tokens = phoneTokens('138-1234-5678');
    expect(tokens).toContain('13812345678');
    expect(tokens).toContain('p:5678');
    expect(tokens).toContain('p:12345678');
    expect(tokens).not.toContain('p:678');
  });

  it('tokenises work order numbers by their parts', () => {
    expect(codeTokens('GD20261124-0001')).toEqual(expect.arrayContaining(['c:gd20261124-0001', 'gd20261124', '20261124', '0001']));
  });
});

describe('queries', () => {
  it('uses the single character for a one-character Chinese query', () => {
    expect(buildTsQuery('华')).toBe("'华'");
  });

  it('ANDs bigrams for longer Chinese queries', () => {
    expect(buildTsQuery('华为技术')).toBe("'华为' & '为技' & '技术'");
  });

  it('matches digits as prefix or phone suffix', () => {
    expect(buildTsQuery('5678')).toBe("('5678':* | 'p:5678')");
  });

  it('matches an email address exactly', () => {
    expect(buildTsQuery('Li.Lei@Example.com')).toBe("'e:li.lei@example.com'");
  });

  it('escapes quotes and ignores punctuation-only input', () => {
    expect(buildTsQuery("o'brien")).toBe("'o':* & 'brien':*");
    expect(buildTsQuery('  ---  ')).toBeNull();
  });
});
