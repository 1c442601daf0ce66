import { describe, expect, it } from 'vitest';
import { backtestVerdict } from './backtest-verdict';

const verdictAt = (value: number) => backtestVerdict({ status: 'defined', value });

describe('backtest verdict', () => {
  it('says plainly when the score does not separate churners', () => {
    expect(verdictAt(0.52)).toEqual({
      level: 'no-separation',
      sentence: 'The score does not separate churners (AUC 0.52 ≈ chance)',
    });
  });

  it('uses 0.70 for "well", 0.60 for "weakly" and 0.40 for "backwards", edges included', () => {
    expect(verdictAt(0.7)).toEqual({
      level: 'well',
      sentence: 'The score separates churners well (AUC 0.70)',
    });
    expect(verdictAt(0.6999).level).toBe('weakly');
    expect(verdictAt(0.6)).toEqual({
      level: 'weakly',
      sentence: 'The score separates churners weakly (AUC 0.60)',
    });
    expect(verdictAt(0.5999).level).toBe('no-separation');
    expect(verdictAt(0.4001).level).toBe('no-separation');
    expect(verdictAt(0.4)).toEqual({
      level: 'backwards',
      sentence: 'The score ranks churners backwards: accounts with high scores churned more (AUC 0.40)',
    });
  });

  it('cannot judge a score when the AUC is not defined', () => {
    expect(
      backtestVerdict({
        status: 'not-defined',
        reason: 'No account churned, so there is nothing to separate',
      }),
    ).toEqual({
      level: 'cannot-judge',
      sentence: 'The backtest cannot judge the score: No account churned, so there is nothing to separate',
    });
  });
});
