import { useRef, useState } from 'react';
import { Button, Card, Descriptions, Form, Input, Result, Space, Typography, type InputRef } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { verifyCertificate, type VerificationResult } from '../../db/certificates-repo';
import { parseScannedPayload } from '../../domain/certificate-verification';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { formatDate, formatDateRange, formatHours } from '../../ui/format';
import { useServices } from '../shell/app-context';

const STATUS: Record<VerificationResult['answer']['answer'], 'success' | 'warning' | 'error' | 'info'> = {
  valid: 'success',
  voided: 'warning',
  forged: 'error',
  unknown: 'info',
};

function answerTitle(result: VerificationResult): MessageKey {
  const a = result.answer;
  if (a.answer === 'unknown') return `verify.unknown.${a.why}`;
  if (a.answer === 'forged') return `verify.forged.${a.why}`;
  return `verify.${a.answer}`;
}

/**
 * 证书验证: type a certificate's number and verification code, or scan its QR code (a scanner types
 * `ST1|number|code` and Enter into the focused field). Answers valid, voided, unknown or forged, and shows the
 * frozen record on file.
 */
export function VerifyPage() {
  const { t, locale } = useI18n();
  const { ctx } = useServices();
  const [number, setNumber] = useState('');
  const [code, setCode] = useState('');
  const [result, setResult] = useState<VerificationResult | null>(null);
  const codeRef = useRef<InputRef>(null);
  const numberRef = useRef<InputRef>(null);

  const check = async (numberText: string, codeText: string) => {
    setResult(await verifyCertificate(ctx, numberText, codeText));
    // Ready for the next certificate: a scanner types into the number field.
    numberRef.current?.focus();
  };

  const onNumberEnter = () => {
    const scanned = parseScannedPayload(number);
    if (scanned) {
      setNumber(scanned.number);
      setCode(scanned.code);
      void check(scanned.number, scanned.code);
      return;
    }
    if (code.trim()) void check(number, code);
    else codeRef.current?.focus();
  };

  const c = result?.certificate;
  const s = c?.snapshot;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 900 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('nav.verify')}
      </Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">{t('verify.intro')}</Typography.Paragraph>
        <Form layout="inline" onFinish={() => void check(number, code)}>
          <Form.Item label={t('verify.number')} htmlFor="verify-number">
            <Input
              id="verify-number"
              ref={numberRef}
              autoFocus
              value={number}
              onChange={(e) => setNumber(e.target.value)}
              onPressEnter={(e) => {
                e.preventDefault();
                onNumberEnter();
              }}
              placeholder="AX-2026-A1-000123-T"
              style={{ width: 300, fontFamily: 'monospace' }}
            />
          </Form.Item>
          <Form.Item label={t('verify.code')} htmlFor="verify-code">
            <Input
              id="verify-code"
              ref={codeRef}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              style={{ width: 160, fontFamily: 'monospace' }}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SafetyOutlined />} disabled={!number.trim()}>
            {t('verify.check')}
          </Button>
        </Form>
      </Card>
      {result && (
        <Card>
          <Result
            status={STATUS[result.answer.answer]}
            title={<span role="status">{t(answerTitle(result))}</span>}
            subTitle={
              result.answer.answer === 'voided'
                ? t('verify.voidedDetail', {
                    reason: c?.voidReason ?? '',
                    date: c?.voidedAt ? formatDate(c.voidedAt.slice(0, 10), locale) : '',
                  }) +
                  (result.replacement
                    ? ` ${t('verify.replacedBy', { number: result.replacement.number })}`
                    : '')
                : t(`${answerTitle(result)}.detail` as MessageKey)
            }
            style={{ padding: '16px 0' }}
          />
          {s && (
            <Descriptions
              title={t('verify.record')}
              bordered
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { label: t('certificates.number'), children: s.number },
                { label: t('certList.kind'), children: s.title ?? s.kind },
                { label: t('people.name'), children: s.personName },
                { label: t('people.idNumber'), children: s.idNumberMasked },
                { label: t('sessions.course'), children: s.courseName },
                { label: t('courses.hours'), children: formatHours(s.hours) },
                { label: t('sessions.dates'), children: formatDateRange(s.dates, locale) },
                { label: t('certificates.issuedOn'), children: formatDate(s.issuedOn, locale) },
                { label: t('settings.issuingBody'), children: s.issuingBody },
                ...(s.validFrom && s.validUntil
                  ? [
                      {
                        label: t('certList.validity'),
                        children: `${formatDate(s.validFrom, locale)} – ${formatDate(s.validUntil, locale)}`,
                      },
                    ]
                  : []),
                ...(s.assessment
                  ? [
                      {
                        label: t('certIssue.assessment'),
                        children: `${s.assessment.score ?? ''} ${t(s.assessment.passed ? 'certIssue.passed' : 'certIssue.failed')}`,
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </Card>
      )}
    </Space>
  );
}
