import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { maskIdNumber } from '../domain/resident-id';
import { useI18n } from '../i18n/i18n';

/** An ID number, masked until the user asks to see it (personal data: never shown in full by default). */
export function MaskedId(props: { value: string; name?: string; danger?: boolean }) {
  const { t } = useI18n();
  const [revealed, setRevealed] = useState(false);
  const label = revealed
    ? t('id.hide', { name: props.name ?? '' })
    : t('id.reveal', { name: props.name ?? '' });
  return (
    <Space size={4}>
      <Typography.Text
        style={{ fontFamily: 'monospace' }}
        {...(props.danger ? { type: 'danger' as const } : {})}
      >
        {revealed ? props.value : maskIdNumber(props.value)}
      </Typography.Text>
      <Button
        size="small"
        type="text"
        aria-label={label}
        title={label}
        icon={revealed ? <EyeInvisibleOutlined /> : <EyeOutlined />}
        onClick={() => setRevealed((r) => !r)}
      />
    </Space>
  );
}
