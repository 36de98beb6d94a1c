import { ActionIcon, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBookmark, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '@/lib/i18n/provider';
import { letterQueries, useSavedViews } from '../api';

/** Per-user saved list views: a name for a filter combination (the URL query). */
export function SavedViewsMenu({
  currentQuery,
  onApply,
}: {
  currentQuery: string;
  onApply: (query: string) => void;
}) {
  const { t } = useI18n();
  const views = useQuery(letterQueries.views());
  const { create, remove } = useSavedViews();
  const [opened, { open, close }] = useDisclosure();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const save = () => {
    if (!name.trim()) {
      setError(t('validation.required'));
      return;
    }
    create.mutate(
      { name: name.trim(), query: currentQuery },
      {
        onSuccess: () => {
          setName('');
          close();
        },
      },
    );
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} aria-hidden />}>
            {t('letters.savedViews')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown miw={240}>
          {(views.data ?? []).length === 0 && <Menu.Label>{t('letters.noViews')}</Menu.Label>}
          {(views.data ?? []).map((v) => (
            <Group key={v.id} gap={0} wrap="nowrap">
              <Menu.Item onClick={() => onApply(v.query)}>{v.name}</Menu.Item>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`${t('letters.deleteView')} ${v.name}`}
                onClick={() => remove.mutate(v.id)}
              >
                <IconTrash size={14} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={open}>{t('letters.saveView')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={opened} onClose={close} title={t('letters.saveView')}>
        {/* A form: Enter in the name, or Ctrl+Enter, saves the view as the button does. */}
        <form
          noValidate
          onSubmit={(ev) => {
            ev.preventDefault();
            save();
          }}
        >
          <Stack>
            <TextInput
              label={t('letters.viewName')}
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                setError(null);
              }}
              error={error}
              data-autofocus
            />
            <Text size="xs" c="dimmed" ff="monospace">
              {currentQuery || '—'}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('app.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('app.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
