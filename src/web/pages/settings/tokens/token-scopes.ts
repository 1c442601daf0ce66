import type { TokenScope } from '../../../api/tokens-api';

export const tokenScopeLabels: Record<TokenScope, string> = {
  read: 'Read',
  write: 'Write',
  admin: 'Admin',
};

/** What a scope allows; a token never does more than its owner's role allows either. */
export const tokenScopeDescriptions: Record<TokenScope, string> = {
  read: 'Read accounts, metrics, health and the rest; change nothing',
  write: 'Also change accounts, contacts and activities, and run imports',
  admin: 'Also manage tokens, users, tracking and webhooks, as far as your role allows',
};
