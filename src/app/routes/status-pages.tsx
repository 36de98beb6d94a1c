import { Button, Center, Code, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { paths } from '@/config/paths';
import { useI18n } from '@/lib/i18n/provider';

function StatusPage({
  code,
  title,
  text,
  action,
}: {
  code: string;
  title: string;
  text: string;
  action?: React.ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Center mih="60vh" component="main">
      <Stack align="center" gap="sm" maw={520} ta="center">
        <Text fz={64} fw={800} c="dimmed" aria-hidden>
          {code}
        </Text>
        <Title order={1} size="h2">
          {title}
        </Title>
        <Text c="dimmed">{text}</Text>
        {action ?? (
          <Button component={Link} to={paths.dashboard} variant="light">
            {t('errors.goHome')}
          </Button>
        )}
      </Stack>
    </Center>
  );
}

export function NotFoundPage() {
  const { t } = useI18n();
  return <StatusPage code="404" title={t('errors.notFoundPage')} text={t('errors.notFoundText')} />;
}

export function ForbiddenPage() {
  const { t } = useI18n();
  return (
    <StatusPage code="403" title={t('errors.forbiddenPage')} text={t('errors.forbiddenText')} />
  );
}

/** The router's error boundary: a page that explains and offers a way back. */
export function RouteErrorPage() {
  const error = useRouteError();
  const { t } = useI18n();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <StatusPage
      code="!"
      title={t('errors.unexpected')}
      text={t('errors.title')}
      action={
        <Stack align="center" gap="xs">
          <Code block maw={480}>
            {message}
          </Code>
          <Button onClick={() => window.location.reload()} variant="light">
            {t('errors.reload')}
          </Button>
        </Stack>
      }
    />
  );
}
