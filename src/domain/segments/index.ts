/** Segments: rule-based groups of accounts (issue #7). */
export * from './segment-rule';
