import { describe, expect, it } from 'vitest';
import { scoreWithScheme, type MeasureScheme } from './measure-scheme';

const SEATS: MeasureScheme = {
  kind: 'ranges',
  ranges: [
    { from: null, to: 0.5, score: 10 },
    { from: 0.5, to: 0.8, score: 60 },
    { from: 0.8, to: 1.5, score: 100 },
  ],
};

describe('measure schemes', () => {
  it('ranges include their "from" and exclude their "to"', () => {
    expect(scoreWithScheme(SEATS, 0.4999)).toEqual({ status: 'scored', score: 10 });
    expect(scoreWithScheme(SEATS, 0.5)).toEqual({ status: 'scored', score: 60 });
    expect(scoreWithScheme(SEATS, 0.8)).toEqual({ status: 'scored', score: 100 });
    expect(scoreWithScheme(SEATS, -1e9)).toEqual({ status: 'scored', score: 10 });
  });

  it('ranges report a value outside every range instead of scoring it', () => {
    expect(scoreWithScheme(SEATS, 1.5)).toEqual({
      status: 'unscorable',
      reason: "1.5 lies outside every range of this measure's scheme",
    });
  });

  it('linear interpolates between its points and clamps beyond them', () => {
    const nps: MeasureScheme = {
      kind: 'linear',
      from: { value: -100, score: 0 },
      to: { value: 100, score: 100 },
    };
    expect(scoreWithScheme(nps, 0)).toEqual({ status: 'scored', score: 50 });
    expect(scoreWithScheme(nps, 40)).toEqual({ status: 'scored', score: 70 });
    expect(scoreWithScheme(nps, 150)).toEqual({ status: 'scored', score: 100 });
    expect(scoreWithScheme(nps, -150)).toEqual({ status: 'scored', score: 0 });
  });

  it('linear may decrease: more days since last touch scores lower', () => {
    const daysSinceTouch: MeasureScheme = {
      kind: 'linear',
      from: { value: 7, score: 100 },
      to: { value: 67, score: 0 },
    };
    expect(scoreWithScheme(daysSinceTouch, 0)).toEqual({ status: 'scored', score: 100 });
    expect(scoreWithScheme(daysSinceTouch, 37)).toEqual({ status: 'scored', score: 50 });
    expect(scoreWithScheme(daysSinceTouch, 400)).toEqual({ status: 'scored', score: 0 });
    const reversedPoints: MeasureScheme = {
      kind: 'linear',
      from: { value: 67, score: 0 },
      to: { value: 7, score: 100 },
    };
    expect(scoreWithScheme(reversedPoints, 22)).toEqual({ status: 'scored', score: 75 });
  });

  it('numeric schemes accept numeric strings and reject other text', () => {
    const line: MeasureScheme = {
      kind: 'linear',
      from: { value: 0, score: 0 },
      to: { value: 10, score: 100 },
    };
    expect(scoreWithScheme(line, ' 4 ')).toEqual({ status: 'scored', score: 40 });
    expect(scoreWithScheme(line, 'lots')).toEqual({
      status: 'unscorable',
      reason: '"lots" is not a number; this measure\'s linear scheme needs one',
    });
    expect(scoreWithScheme(line, Number.NaN).status).toBe('unscorable');
  });

  it('category tables match labels exactly and fall back to the "other" score', () => {
    const sentiment: MeasureScheme = {
      kind: 'category',
      scores: { happy: 100, neutral: 60, 3: 30 },
      otherScore: 20,
    };
    expect(scoreWithScheme(sentiment, 'happy')).toEqual({ status: 'scored', score: 100 });
    expect(scoreWithScheme(sentiment, 'Happy')).toEqual({ status: 'scored', score: 20 });
    expect(scoreWithScheme(sentiment, 3)).toEqual({ status: 'scored', score: 30 });
    expect(scoreWithScheme(sentiment, 'toString')).toEqual({ status: 'scored', score: 20 });
  });
});
