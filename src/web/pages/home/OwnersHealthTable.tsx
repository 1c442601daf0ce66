import { getThemeColor, Group, Table, Text, useMantineTheme, VisuallyHidden } from '@mantine/core';
import type { HomeOwnerHealth } from '../../../shared/api/home.contract';
import { bandColor } from '../../format/health';
import classes from './HomePage.module.css';

interface OwnersHealthTableProps {
  owners: readonly HomeOwnerHealth[];
  bands: readonly { name: string }[];
}

/** Each owner's active and onboarding accounts per health band, with a bar of the mix. */
export function OwnersHealthTable({ owners, bands }: OwnersHealthTableProps) {
  const theme = useMantineTheme();
  const colorOf = (index: number) => getThemeColor(`${bandColor(index, bands.length)}.6`, theme);
  if (owners.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No active or onboarding account yet.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing={6} highlightOnHover>
        <VisuallyHidden component="caption">Accounts per health band for each owner</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Owner</Table.Th>
            <Table.Th ta="right">Accounts</Table.Th>
            {bands.map((band, index) => (
              <Table.Th key={band.name} ta="right">
                <Group gap={6} justify="flex-end" wrap="nowrap">
                  <span
                    className={classes.swatch}
                    style={{ backgroundColor: colorOf(index) }}
                    aria-hidden="true"
                  />
                  {band.name}
                </Group>
              </Table.Th>
            ))}
            <Table.Th ta="right">Not scored</Table.Th>
            <Table.Th>
              <VisuallyHidden>Mix</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {owners.map((owner) => (
            <Table.Tr key={owner.ownerId ?? 'none'} data-testid="owner-row">
              <Table.Td>
                <Text size="sm" fw={500}>
                  {owner.ownerName ?? 'No owner'}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{owner.accounts}</Table.Td>
              {bands.map((band) => (
                <Table.Td key={band.name} ta="right">
                  {owner.bands[band.name] ?? 0}
                </Table.Td>
              ))}
              <Table.Td ta="right">{owner.notScored}</Table.Td>
              <Table.Td>
                <div className={classes.ownerBar} aria-hidden="true">
                  {bands.map((band, index) => {
                    const count = owner.bands[band.name] ?? 0;
                    return count === 0 ? null : (
                      <div
                        key={band.name}
                        style={{
                          width: `${(count / Math.max(1, owner.accounts)) * 100}%`,
                          backgroundColor: colorOf(index),
                        }}
                      />
                    );
                  })}
                </div>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
