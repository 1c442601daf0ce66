import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { HiringNeedDto } from '../../../shared/api/capacity.contract';
import { errorMessage } from '../../api/api-client';
import { usePlanHiring } from '../../api/capacity-api';
import { useTiers } from '../../api/tiers-api';
import { IconAlert } from '../../components/icons';
import { formatDate, todayUtc } from '../../format/dates';
import { userLocale } from '../../format/money';
import { touchModelColors, touchModelLabels } from '../settings/tiers/tier-format';
import { formatMonthOf, formatUnits, nextQuarterStart } from './capacity-format';

/** The next four calendar quarters, for the quarter picker: value YYYY-MM-01, label "Q2 2026 (Apr–Jun)". */
function upcomingQuarters(now: Date = new Date()): { value: string; label: string }[] {
  const quarters: { value: string; label: string }[] = [];
  let start = nextQuarterStart(now);
  for (let index = 0; index < 4; index += 1) {
    const [year, month] = start.split('-').map(Number) as [number, number];
    const first = new Date(Date.UTC(year, month - 1, 1));
    const last = new Date(Date.UTC(year, month + 1, 1));
    const monthName = (date: Date) => date.toLocaleString(userLocale(), { month: 'short', timeZone: 'UTC' });
    quarters.push({
      value: start,
      label: `Q${Math.floor((month - 1) / 3) + 1} ${year} (${monthName(first)}–${monthName(last)})`,
    });
    start = nextQuarterStart(new Date(Date.UTC(year, month - 1, 15)));
  }
  return quarters;
}

function NeedCard({ need }: { need: HiringNeedDto['touchModels'][number] }) {
  // A start date already past means the hire is late: say so instead of naming a past day as a deadline.
  const late = need.startHiringBy !== null && need.startHiringBy < todayUtc();
  return (
    <Paper withBorder p="md" data-testid="hiring-need" data-touch-model={need.touchModel}>
      <Stack gap={6}>
        <Group justify="space-between">
          <Badge variant="light" color={touchModelColors[need.touchModel]}>
            {touchModelLabels[need.touchModel]}
          </Badge>
          <Text size="sm" c="dimmed">
            {formatUnits(need.endWorkload)} of {formatUnits(need.capacity)} units at quarter end
          </Text>
        </Group>
        <Text fz={26} fw={700} lh={1.2} data-testid="csms-needed">
          {need.csmsNeeded === 0
            ? 'No hire needed'
            : `${need.csmsNeeded} ${need.csmsNeeded === 1 ? 'CSM' : 'CSMs'} to hire`}
        </Text>
        <Text size="sm">
          {need.runsOutIn
            ? `Capacity runs out in ${formatMonthOf(need.runsOutIn)}`
            : 'Capacity lasts the quarter'}
          {need.startHiringBy && !late && ` · start hiring by ${formatDate(need.startHiringBy)}`}
        </Text>
        {late && need.startHiringBy && (
          <Text size="sm" fw={600} c="orange">
            Start hiring now: it was due by {formatDate(need.startHiringBy)}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {need.explanation}
        </Text>
      </Stack>
    </Paper>
  );
}

/** Hiring need: new customers expected per tier next quarter → CSMs needed per touch model, when capacity runs out, when to hire. */
export function HiringPlanner() {
  const tiers = useTiers();
  const plan = usePlanHiring();
  const [quarters] = useState(upcomingQuarters);
  const [quarterStart, setQuarterStart] = useState(quarters[0]!.value);
  const [expected, setExpected] = useState<Record<string, number | string>>({});
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const expectedNew = Object.fromEntries(
      (tiers.data ?? []).map((tier) => {
        const value = expected[tier.name];
        return [tier.name, typeof value === 'number' ? value : 0];
      }),
    );
    plan.mutate({ expectedNew, quarterStart });
  };
  const result = plan.data;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="hiring-title">
      <Title order={2} size="h4" id="hiring-title">
        Hiring need
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={720}>
        How many new customers do you expect per tier next quarter? Cycle adds their workload month by month
        to today&apos;s books and says how many CSMs of each kind you need, and when to start hiring.
      </Text>
      {tiers.isPending ? (
        <Skeleton height={80} aria-label="Loading tiers" />
      ) : tiers.isError ? (
        <Text size="sm" c="red">
          Could not load the tiers: {errorMessage(tiers.error)}
        </Text>
      ) : tiers.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          Define tiers first (Settings → Tiers): the new customers are counted per tier and its touch model.
        </Text>
      ) : (
        <form onSubmit={onSubmit}>
          <Group align="flex-end" gap="sm">
            {tiers.data.map((tier) => (
              <NumberInput
                key={tier.id}
                label={`New in ${tier.name}`}
                description={touchModelLabels[tier.touchModel]}
                placeholder="0"
                min={0}
                max={1_000_000}
                allowDecimal={false}
                allowNegative={false}
                thousandSeparator=","
                value={expected[tier.name] ?? ''}
                onChange={(value) => setExpected({ ...expected, [tier.name]: value })}
                w={170}
              />
            ))}
            <Select
              label="Quarter"
              description="When they arrive"
              data={quarters}
              value={quarterStart}
              onChange={(value) => value && setQuarterStart(value)}
              allowDeselect={false}
              w={200}
            />
            <Button type="submit" loading={plan.isPending}>
              Plan hiring
            </Button>
          </Group>
        </form>
      )}
      {plan.isError && (
        <Alert mt="md" color="red" variant="light" icon={<IconAlert />} title="Could not plan" role="alert">
          {errorMessage(plan.error)}
        </Alert>
      )}
      {result && (
        <Stack gap="sm" mt="lg" aria-live="polite">
          <Text fw={650} data-testid="hiring-total">
            {result.csmsNeeded === 0
              ? `No new CSM needed for ${formatMonthOf(result.quarterStart)} onwards`
              : `${result.csmsNeeded} ${result.csmsNeeded === 1 ? 'CSM' : 'CSMs'} needed for the quarter starting ${formatMonthOf(result.quarterStart)}`}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            {result.touchModels.map((need) => (
              <NeedCard key={need.touchModel} need={need} />
            ))}
          </SimpleGrid>
        </Stack>
      )}
    </Paper>
  );
}
