import { describe, it, expect } from 'vitest';
import { bracketPairs, sentencesOf, splitOutsideBrackets, stripParens } from '../src/extract/numbers.js';

describe('bracket-aware splitting shared by the figure extractors', () => {
  it('pairs each opening bracket with its own closing one, nested or not, and ignores strays', () => {
    // indexes: 0 A, 1 （, 2 B, 3 《, 4 C, 5 》, 6 ）, 7 D, 8 ）(stray), 9 “, 10 E, 11 ”
    const s = 'A（B《C》）D）“E”';
    expect([...bracketPairs(s)].sort((x, y) => x[0] - y[0])).toEqual([
      [1, 6],
      [3, 5],
      [9, 11],
    ]);
    // the same paragraph read again (another extractor) gives the same pairs
    expect(bracketPairs(s)).toEqual(bracketPairs('A（B《C》）D）“E”'));
  });

  it('an unclosed bracket swallows nothing', () => {
    expect([...bracketPairs('甲（乙、丙')]).toEqual([]);
    expect(splitOutsideBrackets('甲（乙、丙', '、')).toEqual([
      [0, 3],
      [4, 5],
    ]);
  });

  it('cuts at delimiters outside brackets only, one character or several', () => {
    const s = '社会保险补贴、岗位补贴（含一次性、阶段性）、培训补贴';
    const cut = splitOutsideBrackets(s, '、').map(([a, b]) => s.slice(a, b));
    expect(cut).toEqual(['社会保险补贴', '岗位补贴（含一次性、阶段性）', '培训补贴']);
    const t = '甲，乙：丙、丁';
    expect(splitOutsideBrackets(t, '，：').map(([a, b]) => t.slice(a, b))).toEqual(['甲', '乙', '丙、丁']);
  });

  it('splits sentences at 。；, and a half-width full stop only after a Chinese character and not before a digit', () => {
    const s = '目标3.5万人。其次；再次.最后';
    expect(sentencesOf(s).map((x) => s.slice(x.start, x.end))).toEqual(['目标3.5万人', '其次', '再次', '最后']);
    const c = '按规定，给予补贴（每人1,000元，一次性）：到位';
    const [only] = sentencesOf(c);
    expect(only.clauses.map(([a, b]) => c.slice(a, b))).toEqual(['按规定', '给予补贴（每人1,000元，一次性）', '到位']);
  });

  it('strips round-bracketed asides, nested ones too, and leaves a text without them as it is', () => {
    expect(stripParens('脱贫人口（含防止返贫监测对象，下同）务工')).toBe('脱贫人口务工');
    expect(stripParens('甲（乙（丙）丁）戊(x)')).toBe('甲戊');
    expect(stripParens('给予一次性吸纳就业补贴')).toBe('给予一次性吸纳就业补贴');
    expect(stripParens('《通知》不是圆括号')).toBe('《通知》不是圆括号');
  });
});
