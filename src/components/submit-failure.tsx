import { Alert } from '@mantine/core';
import { errorMessage, isRetryable } from '@/lib/errors';
import { useI18n } from '@/lib/i18n/provider';

/**
 * A write the server did not take, above the form that sent it: what went wrong as the title and,
 * when trying again can help (5xx, network), the form's own words on what is kept and that a retry
 * is safe. `message` replaces the server's wording where the form knows better (e.g. a conflict).
 */
export function SubmitFailure({
  error,
  retryHint,
  message,
}: {
  error: unknown;
  retryHint: string;
  message?: string;
}) {
  const { t } = useI18n();
  const m = errorMessage(error);
  return (
    <Alert color="red" role="alert" title={message ?? t(m.key, m.params)}>
      {isRetryable(error) ? retryHint : null}
    </Alert>
  );
}
