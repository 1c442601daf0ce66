import { useScorecards } from '../../api/health-api';

export interface HealthBands {
  /** Every band name of the active scorecards, worst first (the default scorecard's order leads). */
  names: string[];
  /** The bands a score's badge is coloured against: its scorecard's, found by name at its position. */
  bandsOf: (band: string, bandIndex: number) => readonly { name: string }[];
}

/** The health bands the portfolio filters and colours by, from the scorecards. */
export function useHealthBands(): HealthBands {
  const scorecards = useScorecards().data?.items ?? [];
  const ordered = [...scorecards].sort((left, right) => Number(right.isDefault) - Number(left.isDefault));
  const names = [
    ...new Set(ordered.flatMap((scorecard) => scorecard.definition.bands.map((band) => band.name))),
  ];
  return {
    names,
    bandsOf: (band, bandIndex) =>
      ordered.find((scorecard) => scorecard.definition.bands[bandIndex]?.name === band)?.definition.bands ??
      // Scorecards not loaded (or changed since the score): colour by position among as many bands as it implies.
      Array.from({ length: Math.max(bandIndex + 1, 3) }, (_, index) => ({
        name: index === bandIndex ? band : `#${index}`,
      })),
  };
}
