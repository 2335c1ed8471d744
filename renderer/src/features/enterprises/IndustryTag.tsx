import { Space, Tag } from 'antd';
import { isHighRiskIndustry } from '../../domain/hour-rules';
import { useI18n } from '../../i18n/i18n';
import { INDUSTRY_LABEL } from './labels';

/** An industry by name, marked 高危 when the hour rules treat it as high-risk. */
export function IndustryName(props: { code?: string }) {
  const { t } = useI18n();
  if (!props.code) return null;
  return (
    <Space size={4}>
      {t(INDUSTRY_LABEL[props.code] ?? 'industry.other')}
      {isHighRiskIndustry(props.code) && <Tag color="red">{t('enterprises.highRisk')}</Tag>}
    </Space>
  );
}
