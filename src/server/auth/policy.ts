import type { userRoles } from '../db/schema';

export type Role = (typeof userRoles)[number];
export type TokenScope = 'read' | 'write' | 'admin';

/** Who is acting: a signed-in user, or a user through an API token with a scope. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** Set when the request came with an API token; limits what the role may do. */
  tokenScope?: TokenScope;
}

/**
 * Every permission a route can require, with the roles that hold it and the token scope it needs.
 * This table is the whole policy: routes name a permission, nothing else decides.
 */
const permissions = {
  'workspace.read': { roles: ['admin', 'manager', 'csm', 'viewer'], scope: 'read' },
  'accounts.read': { roles: ['admin', 'manager', 'csm', 'viewer'], scope: 'read' },
  /** A CSM holds it too, but only for accounts they own (checked with canWriteAccount). */
  'accounts.write': { roles: ['admin', 'manager', 'csm'], scope: 'write' },
  'accounts.delete': { roles: ['admin', 'manager'], scope: 'write' },
  /** Moving many accounts to another owner at once (the portfolio's bulk reassign). */
  'accounts.reassign': { roles: ['admin', 'manager'], scope: 'write' },
  /** A user's own saved views (filters and columns of a list). */
  'views.read': { roles: ['admin', 'manager', 'csm', 'viewer'], scope: 'read' },
  'views.write': { roles: ['admin', 'manager', 'csm', 'viewer'], scope: 'write' },
  'imports.run': { roles: ['admin', 'manager'], scope: 'write' },
  'imports.read': { roles: ['admin', 'manager'], scope: 'read' },
  'users.read': { roles: ['admin', 'manager', 'csm', 'viewer'], scope: 'read' },
  'users.manage': { roles: ['admin'], scope: 'admin' },
  'tokens.own': { roles: ['admin', 'manager', 'csm', 'viewer'], scope: 'admin' },
  'session.own': { roles: ['admin', 'manager', 'csm', 'viewer'], scope: 'read' },
  'metrics.read': { roles: ['admin', 'manager', 'csm', 'viewer'], scope: 'read' },
  'metrics.manage': { roles: ['admin', 'manager'], scope: 'write' },
  'health.read': { roles: ['admin', 'manager', 'csm', 'viewer'], scope: 'read' },
  /** Scorecards, recomputes and calibration: what every account's score means. */
  'health.manage': { roles: ['admin', 'manager'], scope: 'write' },
  /** Write keys for the tracking endpoints, and mapping unmatched tracked users and groups to accounts. */
  'tracking.manage': { roles: ['admin'], scope: 'admin' },
  'tracking.read': { roles: ['admin', 'manager'], scope: 'read' },
  /** Outbound webhooks: where events go, signed with a secret; admin only. */
  'webhooks.manage': { roles: ['admin'], scope: 'admin' },
  /** Segments: everyone reads them; CSMs and up define them (a segment changes no account). */
  'segments.read': { roles: ['admin', 'manager', 'csm', 'viewer'], scope: 'read' },
  'segments.write': { roles: ['admin', 'manager', 'csm'], scope: 'write' },
  /** The journey map everyone works to: tiers, touch models, cadences and lifecycle stages. */
  'journey.read': { roles: ['admin', 'manager', 'csm', 'viewer'], scope: 'read' },
  'journey.manage': { roles: ['admin', 'manager'], scope: 'write' },
  /** Teams, managers, responsibilities and who covers which tier. */
  'team.read': { roles: ['admin', 'manager', 'csm', 'viewer'], scope: 'read' },
  'team.manage': { roles: ['admin', 'manager'], scope: 'write' },
  /** Books of business, utilisation, rebalancing proposals and hiring need; applying a proposal moves accounts. */
  'capacity.read': { roles: ['admin', 'manager'], scope: 'read' },
  'capacity.manage': { roles: ['admin', 'manager'], scope: 'write' },
} as const satisfies Record<string, { roles: readonly Role[]; scope: TokenScope }>;

export type Permission = keyof typeof permissions;

const scopeRank: Record<TokenScope, number> = { read: 0, write: 1, admin: 2 };

/** True when the actor's role holds the permission and their token (if any) has a wide enough scope. */
export function can(actor: Actor, permission: Permission): boolean {
  const rule = permissions[permission];
  if (!(rule.roles as readonly Role[]).includes(actor.role)) return false;
  if (actor.tokenScope && scopeRank[actor.tokenScope] < scopeRank[rule.scope]) return false;
  return true;
}

/** Why `can` said no, in words for the 403 response. */
export function explainDenial(actor: Actor, permission: Permission): string {
  const rule = permissions[permission];
  if (!(rule.roles as readonly Role[]).includes(actor.role)) {
    return `Your role (${actor.role}) may not do this; it needs one of: ${rule.roles.join(', ')}. Ask an admin.`;
  }
  return `This API token has scope "${actor.tokenScope}"; this needs scope "${rule.scope}". Create a token with that scope.`;
}

/** CSMs write only their own book; managers and admins write every account. */
export function canWriteAccount(actor: Actor, account: { ownerId: string | null }): boolean {
  if (!can(actor, 'accounts.write')) return false;
  return actor.role !== 'csm' || account.ownerId === actor.userId;
}

export function allPermissions(): Permission[] {
  return Object.keys(permissions) as Permission[];
}

export function rolesFor(permission: Permission): readonly Role[] {
  return permissions[permission].roles;
}
