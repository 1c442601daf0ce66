import { Alert, Button, Group, List, SegmentedControl, Stack, Text } from '@mantine/core';
import { Fragment } from 'react';
import type { SegmentGroup, SegmentRule } from '../../../domain/segments';
import {
  MAX_RULE_CONDITIONS,
  MAX_RULE_DEPTH,
  type RuleProblemItem,
  type SegmentField,
} from '../../../shared/api/segments.contract';
import { IconAlert } from '../icons';
import classes from './RuleBuilder.module.css';
import { ConditionRow } from './ConditionRow';
import {
  appendRule,
  conditionNumber,
  countConditions,
  newCondition,
  problemsAt,
  replaceRule,
  type RulePath,
  unplacedProblems,
} from './rule-draft';

interface BuilderState {
  root: SegmentGroup;
  fields: readonly SegmentField[];
  problems: readonly RuleProblemItem[];
  disabled: boolean;
  onChange: (root: SegmentGroup) => void;
}

/** The field a new condition starts on: ARR when the list has it (the most common test), else the first. */
function starterField(fields: readonly SegmentField[]): SegmentField | undefined {
  return fields.find((field) => field.key === 'arr') ?? fields[0];
}

function GroupEditor({ group, path, state }: { group: SegmentGroup; path: RulePath; state: BuilderState }) {
  const { root, fields, problems, disabled, onChange } = state;
  const isRoot = path.length === 0;
  const label = isRoot ? 'Rule' : `Group ${conditionNumber(path)}`;
  // A group at path length L is L + 1 deep; a new group inside it would be L + 2.
  const canNest = path.length + 2 <= MAX_RULE_DEPTH;
  const full = countConditions(root) >= MAX_RULE_CONDITIONS;
  const starter = starterField(fields);
  const update = (childPath: RulePath, next: SegmentRule | null) =>
    onChange(replaceRule(root, childPath, next));
  const own = problemsAt(problems, group, path);
  const joiner = group.combinator === 'and' ? 'AND' : 'OR';
  return (
    <Stack
      gap="xs"
      className={`${classes.group} ${isRoot ? '' : classes.nested}`}
      role="group"
      aria-label={label}
      data-testid={isRoot ? 'rule-root' : 'rule-group'}
    >
      <Group justify="space-between" gap="xs">
        <Group gap={8} wrap="nowrap">
          <Text size="sm">Match</Text>
          <SegmentedControl
            size="xs"
            aria-label={`${label}: match all or any`}
            value={group.combinator}
            onChange={(value) => update(path, { ...group, combinator: value === 'or' ? 'or' : 'and' })}
            data={[
              { value: 'and', label: 'all' },
              { value: 'or', label: 'any' },
            ]}
            disabled={disabled}
          />
          <Text size="sm">of these {isRoot ? 'conditions' : 'conditions in this group'}</Text>
        </Group>
        {!isRoot && !disabled && (
          <Button variant="subtle" color="red" size="compact-xs" onClick={() => update(path, null)}>
            Remove group {conditionNumber(path)}
          </Button>
        )}
      </Group>
      {own.map((problem) => (
        <Text key={problem.message} size="xs" c="red">
          {problem.message}
        </Text>
      ))}
      {group.rules.length === 0 && (
        <Text size="sm" c="dimmed">
          {isRoot
            ? 'No conditions yet: every account matches. Add a condition to narrow it down.'
            : 'An empty group matches every account. Add a condition, or remove the group.'}
        </Text>
      )}
      {group.rules.map((child, index) => {
        const childPath = [...path, index];
        return (
          <Fragment key={index}>
            {index > 0 && <span className={classes.joiner}>{joiner}</span>}
            {child.kind === 'group' ? (
              <GroupEditor group={child} path={childPath} state={state} />
            ) : (
              <ConditionRow
                condition={child}
                path={childPath}
                fields={fields}
                problems={problems}
                disabled={disabled}
                onChange={(next) => update(childPath, next)}
                onRemove={() => update(childPath, null)}
              />
            )}
          </Fragment>
        );
      })}
      {!disabled && (
        <Group gap="xs">
          <Button
            variant="light"
            size="compact-sm"
            disabled={!starter || full}
            onClick={() => starter && onChange(appendRule(root, path, newCondition(starter)))}
            aria-label={isRoot ? 'Add condition' : `Add condition to group ${conditionNumber(path)}`}
          >
            + Condition
          </Button>
          {canNest && (
            <Button
              variant="subtle"
              size="compact-sm"
              disabled={!starter || full}
              onClick={() =>
                starter &&
                onChange(
                  appendRule(root, path, {
                    kind: 'group',
                    combinator: group.combinator === 'and' ? 'or' : 'and',
                    rules: [newCondition(starter)],
                  }),
                )
              }
              aria-label={isRoot ? 'Add group' : `Add group to group ${conditionNumber(path)}`}
            >
              + Group
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}

interface RuleBuilderProps {
  /** The rule being edited; its root is always a group (see asRootGroup). */
  value: SegmentGroup;
  onChange: (next: SegmentGroup) => void;
  /** GET /segments/fields for the rule's purpose. */
  fields: readonly SegmentField[];
  /** Problems at builder paths (`rule.rules[1].value`): the server's, and the draft's own once shown. */
  problems?: readonly RuleProblemItem[];
  disabled?: boolean;
}

/**
 * Builds a segment, tier or stage rule: conditions on any field, trait or metric in AND/OR groups
 * nested up to the server's limit, each problem shown at the condition it is about.
 */
export function RuleBuilder({ value, onChange, fields, problems = [], disabled = false }: RuleBuilderProps) {
  const elsewhere = unplacedProblems(value, problems);
  return (
    <Stack gap="xs">
      {elsewhere.length > 0 && (
        <Alert color="red" variant="light" icon={<IconAlert />} title="The rule needs a change" role="alert">
          <List size="sm">
            {elsewhere.map((problem) => (
              <List.Item key={`${problem.path}:${problem.message}`}>{problem.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <GroupEditor group={value} path={[]} state={{ root: value, fields, problems, disabled, onChange }} />
    </Stack>
  );
}
