import type { AccountStatus, ActivityKind, ContactRole, UserRole } from '../../shared/api/enums';

export const accountStatusLabels: Record<AccountStatus, string> = {
  prospect: 'Prospect',
  onboarding: 'Onboarding',
  active: 'Active',
  churned: 'Churned',
};

/** Mantine colour per status: a glance at a list tells who is live and who is gone. */
export const accountStatusColors: Record<AccountStatus, string> = {
  prospect: 'gray',
  onboarding: 'blue',
  active: 'teal',
  churned: 'red',
};

export const userRoleLabels: Record<UserRole, string> = {
  admin: 'Admin',
  manager: 'Manager',
  csm: 'CSM',
  viewer: 'Viewer',
};

export const contactRoleLabels: Record<ContactRole, string> = {
  champion: 'Champion',
  decision_maker: 'Decision maker',
  exec_sponsor: 'Exec sponsor',
  power_user: 'Power user',
  billing: 'Billing',
  user: 'User',
};

export const activityKindLabels: Record<ActivityKind, string> = {
  call: 'Call',
  meeting: 'Meeting',
  email: 'Email',
  note: 'Note',
  ebr: 'EBR',
  qbr: 'QBR',
  training: 'Training',
};

/** Turns a stored code such as "on_hold" or "decision-maker" into "On hold" for display. */
export function humanize(code: string): string {
  const words = code.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
