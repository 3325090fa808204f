import { describe, expect, it } from 'vitest';
import { MAX_MENTIONS, parseMentions } from './mentions.ts';

describe('parseMentions', () => {
  it('finds @usernames at the start, after spaces and CJK punctuation, lower-cased and once each', () => {
    expect(parseMentions('@Li.Ming 请看，@wang_gong、@WANG_GONG 和（@zhao-1）')).toEqual(['li.ming', 'wang_gong', 'zhao-1']);
  });

  it('leaves e-mail addresses alone and drops a sentence-ending dot', () => {
    expect(parseMentions('mail li@example.com or ask @zhou.')).toEqual(['zhou']);
    expect(parseMentions('no mention here @ all, nor @')).toEqual([]);
  });

  it('takes Chinese usernames and stops at a bounded number', () => {
    expect(parseMentions('@张三 请处理')).toEqual(['张三']);
    const many = Array.from({ length: MAX_MENTIONS + 5 }, (_, i) => `@user${i}`).join(' ');
    expect(parseMentions(many)).toHaveLength(MAX_MENTIONS);
  });
});
