import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  ScrollArea,
  SimpleGrid,
  Skeleton,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api/api-client';
import { useCsCosts, useSaveCsCosts } from '../../api/metrics-api';
import { ErrorState } from '../../components/ErrorState';
import { formatMonthLong, formatWholeMoney } from '../../format/metric-values';
import { addMonths, monthCount } from './metrics-view';

interface CsCostsModalProps {
  opened: boolean;
  onClose: () => void;
  from: string;
  to: string;
  /** The reporting currency: costs are entered in it so CRC needs no conversion. */
  currency: string;
}

function decimalsOf(currency: string): number {
  return (
    new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
    2
  );
}

/**
 * The CS team's cost per month of the period (salaries, tools, the team's share of overhead), which
 * CRC divides by the customers retained. Saved with PUT /api/v1/metrics/cs-costs/:month.
 */
export function CsCostsModal({ opened, onClose, from, to, currency }: CsCostsModalProps) {
  const costs = useCsCosts(opened);
  const save = useSaveCsCosts();
  const [edits, setEdits] = useState<Record<string, number | ''>>({});
  const [everyMonth, setEveryMonth] = useState<number | ''>('');
  const decimals = decimalsOf(currency);
  const months = Array.from({ length: monthCount(from, to) }, (_, index) => addMonths(from, index));
  const stored = new Map((costs.data?.items ?? []).map((item) => [item.month, item]));
  const valueOf = (month: string): number | '' => {
    if (month in edits) return edits[month]!;
    const item = stored.get(month);
    return item ? item.amountMinor / 10 ** decimals : '';
  };
  const total = months.reduce((sum, month) => {
    const value = valueOf(month);
    return sum + (value === '' ? 0 : Math.round(value * 10 ** decimals));
  }, 0);
  const changed = Object.entries(edits).filter(([, value]) => value !== '');

  const fillEveryMonth = () => {
    if (everyMonth === '') return;
    setEdits(Object.fromEntries(months.map((month) => [month, everyMonth])));
  };
  const close = () => {
    setEdits({});
    setEveryMonth('');
    save.reset();
    onClose();
  };
  const submit = () => {
    save.mutate(
      changed.map(([month, value]) => ({
        month,
        amountMinor: Math.round(Number(value) * 10 ** decimals),
        currency,
      })),
      { onSuccess: close },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>CS costs, {currency}</Text>} size="lg">
      <Text size="sm" c="dimmed" mb="md">
        What the customer success team cost each month: salaries, tools and its share of overhead. CRC is the
        period&rsquo;s cost ÷ the customers retained in it, so it needs the cost of every month of the period.
      </Text>
      <Group align="flex-end" gap="sm" mb="md">
        <NumberInput
          label="Same cost every month"
          w={220}
          value={everyMonth}
          onChange={(value) => setEveryMonth(typeof value === 'number' ? value : '')}
          min={0}
          decimalScale={decimals}
          thousandSeparator=","
          leftSection={
            <Text size="xs" c="dimmed">
              {currency}
            </Text>
          }
          leftSectionWidth={48}
          hideControls
        />
        <Button variant="light" onClick={fillEveryMonth} disabled={everyMonth === ''}>
          Fill all {months.length} months
        </Button>
      </Group>
      {costs.isError ? (
        <ErrorState
          title="Could not load CS costs"
          error={costs.error}
          onRetry={() => void costs.refetch()}
        />
      ) : !costs.data ? (
        <Skeleton height={240} />
      ) : (
        <ScrollArea.Autosize mah={420} type="auto" offsetScrollbars>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="xs">
            {months.map((month) => (
              <NumberInput
                key={month}
                label={formatMonthLong(month)}
                value={valueOf(month)}
                onChange={(value) =>
                  setEdits((current) => ({
                    ...current,
                    [month]: typeof value === 'number' ? value : value === '' ? '' : Number(value),
                  }))
                }
                min={0}
                decimalScale={decimals}
                thousandSeparator=","
                leftSection={
                  <Text size="xs" c="dimmed">
                    {currency}
                  </Text>
                }
                leftSectionWidth={48}
                hideControls
              />
            ))}
          </SimpleGrid>
        </ScrollArea.Autosize>
      )}
      {save.isError && (
        <Alert color="red" mt="md" title="Not saved">
          {errorMessage(save.error)}
        </Alert>
      )}
      <Group justify="flex-end" mt="lg">
        {costs.data && (
          <Text size="sm" c="dimmed" mr="auto">
            Period total {formatWholeMoney(total, currency)}
          </Text>
        )}
        <Button variant="default" onClick={close}>
          Cancel
        </Button>
        <Button onClick={submit} loading={save.isPending} disabled={changed.length === 0}>
          Save {changed.length > 0 ? `${changed.length} ${changed.length === 1 ? 'month' : 'months'}` : ''}
        </Button>
      </Group>
    </Modal>
  );
}
