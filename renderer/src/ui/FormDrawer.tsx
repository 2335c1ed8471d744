import type { ReactNode } from 'react';
import { Button, Drawer, Space } from 'antd';
import { useI18n } from '../i18n/i18n';

/**
 * The drawer every register form opens in (details in a drawer, never a stack of popups), with 取消 and 保存 at the
 * top where office software puts them. Closing destroys the form, so a reopened drawer starts clean.
 */
export function FormDrawer(props: {
  open: boolean;
  title: ReactNode;
  size?: 'default' | 'large';
  onClose: () => void;
  onSubmit: () => void;
  afterOpenChange?: (open: boolean) => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      title={props.title}
      size={props.size ?? 'large'}
      destroyOnHidden
      {...(props.afterOpenChange ? { afterOpenChange: props.afterOpenChange } : {})}
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={props.onSubmit}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {props.children}
    </Drawer>
  );
}
