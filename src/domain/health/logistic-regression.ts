/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS) with step halving: small,
 * deterministic and exact to ~1e-10 for a handful of features. The intercept is not penalised.
 */

export type LogisticFit = {
  intercept: number;
  /** One coefficient per feature column, in log-odds per unit of the feature. */
  coefficients: number[];
  iterations: number;
  /** False when the iteration limit was reached first (e.g. separable data with no penalty). */
  converged: boolean;
};

export type LogisticOptions = {
  /** Penalty λ in −log-likelihood + (λ/2)·Σ coefficient²; 0 is plain maximum likelihood. */
  l2: number;
  maxIterations?: number;
  /** Stop when no parameter changes by more than this. */
  tolerance?: number;
};

/**
 * Fits P(outcome) = σ(intercept + Σ coefficient·feature) to rows of `features` (equal lengths)
 * and boolean `outcomes`, minimising −log-likelihood + (l2/2)·Σ coefficient².
 * @example fitLogisticRegression([[0], [1], [2], [3]], [false, true, false, true], { l2: 0 }).coefficients // ≈ [0.908]
 */
export function fitLogisticRegression(
  features: readonly (readonly number[])[],
  outcomes: readonly boolean[],
  options: LogisticOptions,
): LogisticFit {
  const { l2, maxIterations = 100, tolerance = 1e-10 } = options;
  const width = (features[0]?.length ?? 0) + 1;
  const rows = features.map((row) => [1, ...row]);
  let beta = new Array<number>(width).fill(0);
  let objective = penalisedLoss(rows, outcomes, beta, l2);
  for (let iteration = 1; iteration <= maxIterations; iteration += 1) {
    const gradient = new Array<number>(width).fill(0);
    const hessian = Array.from({ length: width }, () => new Array<number>(width).fill(0));
    rows.forEach((row, index) => {
      const probability = sigmoid(dot(row, beta));
      const residual = probability - (outcomes[index] ? 1 : 0);
      const curvature = probability * (1 - probability);
      for (let j = 0; j < width; j += 1) {
        gradient[j] = (gradient[j] ?? 0) + residual * (row[j] ?? 0);
        const hessianRow = hessian[j] ?? [];
        for (let k = 0; k < width; k += 1)
          hessianRow[k] = (hessianRow[k] ?? 0) + curvature * (row[j] ?? 0) * (row[k] ?? 0);
      }
    });
    for (let j = 0; j < width; j += 1) {
      const hessianRow = hessian[j] ?? [];
      const penalty = j === 0 ? 0 : l2;
      gradient[j] = (gradient[j] ?? 0) + penalty * (beta[j] ?? 0);
      hessianRow[j] = (hessianRow[j] ?? 0) + penalty + 1e-12;
    }
    const step = solveLinearSystem(hessian, gradient);
    let scale = 1;
    let candidate = beta.map((value, j) => value - scale * (step[j] ?? 0));
    let candidateObjective = penalisedLoss(rows, outcomes, candidate, l2);
    while (candidateObjective > objective && scale > 1e-6) {
      scale /= 2;
      candidate = beta.map((value, j) => value - scale * (step[j] ?? 0));
      candidateObjective = penalisedLoss(rows, outcomes, candidate, l2);
    }
    const largestChange = Math.max(...candidate.map((value, j) => Math.abs(value - (beta[j] ?? 0))));
    beta = candidate;
    objective = candidateObjective;
    if (largestChange <= tolerance)
      return { intercept: beta[0] ?? 0, coefficients: beta.slice(1), iterations: iteration, converged: true };
  }
  return {
    intercept: beta[0] ?? 0,
    coefficients: beta.slice(1),
    iterations: maxIterations,
    converged: false,
  };
}

/** σ(x) = 1 / (1 + e^−x), computed without overflow for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let index = 0; index < a.length; index += 1) sum += (a[index] ?? 0) * (b[index] ?? 0);
  return sum;
}

function penalisedLoss(
  rows: readonly number[][],
  outcomes: readonly boolean[],
  beta: readonly number[],
  l2: number,
): number {
  let loss = 0;
  rows.forEach((row, index) => {
    const z = dot(row, beta);
    // −log σ(z) = log(1 + e^−z), and −log(1 − σ(z)) = log(1 + e^z), both computed stably
    loss += outcomes[index] ? softplus(-z) : softplus(z);
  });
  for (let j = 1; j < beta.length; j += 1) loss += (l2 / 2) * (beta[j] ?? 0) ** 2;
  return loss;
}

function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** Solves A·x = b by Gaussian elimination with partial pivoting; A is small and (near) positive definite. */
function solveLinearSystem(matrix: readonly number[][], vector: readonly number[]): number[] {
  const size = vector.length;
  const augmented = matrix.map((row, index) => [...row, vector[index] ?? 0]);
  for (let column = 0; column < size; column += 1) {
    let pivot = column;
    for (let row = column + 1; row < size; row += 1) {
      if (Math.abs(augmented[row]?.[column] ?? 0) > Math.abs(augmented[pivot]?.[column] ?? 0)) pivot = row;
    }
    const pivotRow = augmented[pivot] ?? [];
    augmented[pivot] = augmented[column] ?? [];
    augmented[column] = pivotRow;
    const pivotValue = pivotRow[column] ?? 0;
    if (pivotValue === 0) continue;
    for (let row = column + 1; row < size; row += 1) {
      const target = augmented[row] ?? [];
      const factor = (target[column] ?? 0) / pivotValue;
      for (let k = column; k <= size; k += 1) target[k] = (target[k] ?? 0) - factor * (pivotRow[k] ?? 0);
    }
  }
  const solution = new Array<number>(size).fill(0);
  for (let row = size - 1; row >= 0; row -= 1) {
    const current = augmented[row] ?? [];
    let sum = current[size] ?? 0;
    for (let k = row + 1; k < size; k += 1) sum -= (current[k] ?? 0) * (solution[k] ?? 0);
    const diagonal = current[row] ?? 0;
    solution[row] = diagonal === 0 ? 0 : sum / diagonal;
  }
  return solution;
}

/** Observations grouped by their one feature value: accounts with that value and how many churned. */
export type GroupedPoints = { features: number[]; accounts: number[]; churners: number[] };
/** The maximised penalised log-likelihood and the fitted slope. */
export type GroupedLogisticFit = { objective: number; coefficient: number };

/**
 * Minimises the objective of `fitLogisticRegression` with one feature (−log-likelihood + (l2/2)·slope²,
 * intercept unpenalised) over grouped points, by Newton's method with step halving until no
 * parameter moves by more than 1e-10. Grouping makes one fit cost the number of distinct scores,
 * not the number of accounts, which keeps the exhaustive search over breakpoints fast.
 */
export function fitGroupedLogistic(
  points: GroupedPoints,
  accounts: number,
  churners: number,
  l2: number,
): GroupedLogisticFit {
  let intercept = Math.log(churners / (accounts - churners));
  let slope = 0;
  let current = newtonTerms(points, intercept, slope, l2);
  for (let iteration = 0; iteration < 100; iteration += 1) {
    // The 2×2 Hessian is positive definite (Cauchy–Schwarz plus the tiny ridge), so det > 0.
    const { gradient, hessian } = current;
    const determinant = hessian.intercept * hessian.slope - hessian.cross ** 2;
    const interceptStep = (hessian.slope * gradient.intercept - hessian.cross * gradient.slope) / determinant;
    const slopeStep = (hessian.intercept * gradient.slope - hessian.cross * gradient.intercept) / determinant;
    if (Math.max(Math.abs(interceptStep), Math.abs(slopeStep)) <= 1e-10) break;
    let scale = 1;
    let next = newtonTerms(points, intercept - interceptStep, slope - slopeStep, l2);
    // Halve only on a real increase, not on rounding noise near the optimum.
    while (next.loss > current.loss + 1e-12 * Math.abs(current.loss) && scale > 1e-6) {
      scale /= 2;
      next = newtonTerms(points, intercept - scale * interceptStep, slope - scale * slopeStep, l2);
    }
    intercept -= scale * interceptStep;
    slope -= scale * slopeStep;
    current = next;
    if (Math.max(Math.abs(scale * interceptStep), Math.abs(scale * slopeStep)) <= 1e-10) break;
  }
  return { objective: -current.loss, coefficient: slope };
}

/**
 * In one pass: −log-likelihood + (l2/2)·slope², its gradient and its Hessian (with the same 1e-12
 * ridge as `fitLogisticRegression`). Per point, −log-likelihood = accounts·log(1 + e^z) − churners·z.
 */
function newtonTerms(points: GroupedPoints, intercept: number, slope: number, l2: number) {
  let loss = (l2 / 2) * slope ** 2;
  const gradient = { intercept: 0, slope: l2 * slope };
  const hessian = { intercept: 1e-12, cross: 0, slope: l2 + 1e-12 };
  for (let index = 0; index < points.features.length; index += 1) {
    const feature = points.features[index] ?? 0;
    const accounts = points.accounts[index] ?? 0;
    const churners = points.churners[index] ?? 0;
    const logOdds = intercept + slope * feature;
    const smaller = Math.exp(-Math.abs(logOdds));
    const probability = logOdds >= 0 ? 1 / (1 + smaller) : smaller / (1 + smaller);
    loss += accounts * (Math.max(logOdds, 0) + Math.log1p(smaller)) - churners * logOdds;
    const residual = accounts * probability - churners;
    const curvature = accounts * probability * (1 - probability);
    gradient.intercept += residual;
    gradient.slope += residual * feature;
    hessian.intercept += curvature;
    hessian.cross += curvature * feature;
    hessian.slope += curvature * feature * feature;
  }
  return { loss, gradient, hessian };
}
