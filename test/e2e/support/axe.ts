import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** One accessibility rule broken on a page, with what a person needs to fix it. */
export interface AxeFinding {
  page: string;
  rule: string;
  impact: string;
  help: string;
  helpUrl: string;
  targets: string[];
}

/** Impacts that fail the accessibility suite; "minor" and "moderate" are left to review. */
const failingImpacts = ['serious', 'critical'];

/**
 * Runs axe-core on the page as it is now (injected once per document) and returns the serious and
 * critical violations, each with up to five elements involved (CSS selector and the start of its HTML).
 */
export async function findAxeViolations(page: Page, label: string): Promise<AxeFinding[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    type AxeViolation = {
      id: string;
      impact: string | null;
      help: string;
      helpUrl: string;
      nodes: { target: unknown[]; html: string }[];
    };
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      helpUrl: violation.helpUrl,
      targets: violation.nodes
        .slice(0, 5)
        .map((node) => `${node.target.map(String).join(' ')}  ${node.html.slice(0, 160)}`),
    }));
  });
  return violations
    .filter((violation) => failingImpacts.includes(violation.impact))
    .map((violation) => ({ page: label, ...violation }));
}

/** The findings as a readable report for a failing assertion: page, rule, impact, help, URL and elements. */
export function describeFindings(findings: readonly AxeFinding[]): string {
  return findings
    .map(
      (finding) =>
        `- [${finding.page}] ${finding.rule} (${finding.impact}): ${finding.help}\n    ${finding.helpUrl}\n    ${finding.targets.join('\n    ')}`,
    )
    .join('\n');
}
