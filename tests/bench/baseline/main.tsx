// The bench's baseline (tests/bench/run.mjs): the least a React 19 + Mantine page costs to show
// KPI figures — the whole Mantine stylesheet, one provider, a title and twelve cards, no router,
// no data. The dashboard's time to its KPIs is compared with this page's.
import '@mantine/core/styles.css';
import { Card, Container, MantineProvider, SimpleGrid, Text, Title } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const KPIS = Array.from({ length: 12 }, (_, i) => ({
  label: `指标 ${i + 1}`,
  value: ((i + 1) * 137).toLocaleString('zh-CN'),
}));

function BaselinePage() {
  return (
    <Container size="xl" py="md">
      <Title order={2} mb="md">
        基准页面
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        {KPIS.map((kpi) => (
          <Card key={kpi.label} withBorder radius="md" padding="md">
            <Text size="sm" c="dimmed">
              {kpi.label}
            </Text>
            <Text fz={28} fw={700} data-testid="kpi-value" {...{ elementtiming: 'kpi' }}>
              {kpi.value}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Container>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider>
      <BaselinePage />
    </MantineProvider>
  </StrictMode>,
);
