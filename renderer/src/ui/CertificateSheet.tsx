import type { CertificateSnapshot } from '../domain/certificate-snapshot';
import { DEFAULT_CERTIFICATE_TITLES } from '../domain/certificate-snapshot';
import { formatDate, formatDateRange, formatHours } from './format';
import './certificate.css';

function assessmentText(assessment: CertificateSnapshot['assessment']): string {
  if (!assessment) return '—';
  const verdict = assessment.passed ? '合格' : '不合格';
  return assessment.score !== undefined ? `${assessment.score}分（${verdict}）` : verdict;
}

/**
 * One certificate page (A4 or A5 landscape, as frozen), drawn only from the frozen snapshot and the seal image its
 * hash names: what was issued is what prints, whatever has changed in the registers or the template since.
 * Chinese by design: a certificate is an official Chinese document whatever language the operator's screen uses.
 */
export function CertificateSheet(props: {
  snapshot: CertificateSnapshot;
  qrDataUrl: string;
  /** The seal PNG named by snapshot.sealHash; absent: the dashed place for a hand-stamped seal. */
  sealDataUrl?: string;
  voided?: boolean;
}) {
  const s = props.snapshot;
  const title = s.title ?? DEFAULT_CERTIFICATE_TITLES[s.kind];
  const dates = formatDateRange(s.dates, 'zh-CN');
  const outline = s.courseOutline ? s.courseOutline.split('\n').join('；') : '';
  const size = s.pageSize === 'A5' ? 'a5' : 'a4';
  const validity =
    s.validFrom && s.validUntil
      ? `有效期：自${formatDate(s.validFrom, 'zh-CN')}至${formatDate(s.validUntil, 'zh-CN')}`
      : '';
  return (
    <section className={`cert-page cert-${size} cert-${s.kind}`} aria-label={`${title} ${s.number}`}>
      <div className="cert-border">
        <h1 className="cert-title">{title}</h1>
        {s.kind === 'attendance' ? (
          <>
            <p className="cert-body">
              兹证明 <span className="cert-name">{s.personName}</span>（身份证号 {s.idNumberMasked}）于{dates}
              参加由{s.issuingBody}组织的“{s.courseName}”，共计{formatHours(s.hours)}
              学时，完成规定的培训内容。
              <br />
              特此证明。
            </p>
            {outline && <p className="cert-content">主要培训内容：{outline}</p>}
            {validity && <p className="cert-validity">{validity}</p>}
          </>
        ) : (
          <>
            <p className="cert-body">
              兹证明 <span className="cert-name">{s.personName}</span>（身份证号 {s.idNumberMasked}）参加由
              {s.issuingBody}组织的安全培训，完成规定学时
              {s.assessment?.passed ? '，经考核合格' : ''}，特发此证。
            </p>
            <table className="cert-table">
              <thead>
                <tr>
                  <th className="cert-col-dates">培训日期</th>
                  <th>培训内容</th>
                  <th className="cert-col-hours">学时</th>
                  <th className="cert-col-result">考核结果</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td>{dates}</td>
                  <td>
                    {s.courseName}
                    {outline && <div className="cert-outline">{outline}</div>}
                  </td>
                  <td>{formatHours(s.hours)}</td>
                  <td>{assessmentText(s.assessment)}</td>
                </tr>
              </tbody>
            </table>
            {validity && <p className="cert-validity">{validity}</p>}
          </>
        )}
        <footer className="cert-footer">
          <div className="cert-verify">
            <img className="cert-qr" src={props.qrDataUrl} alt={`二维码 ${s.number}`} />
            <div>
              <div>证书编号：{s.number}</div>
              <div>验证码：{s.verificationCode}</div>
            </div>
          </div>
          <div className="cert-issuer">
            {props.sealDataUrl ? (
              <img className="cert-seal-image" src={props.sealDataUrl} alt="" aria-hidden="true" />
            ) : (
              <div className="cert-seal" aria-hidden="true">
                (印章)
              </div>
            )}
            <div>{s.issuingBody}</div>
            <div>{formatDate(s.issuedOn, 'zh-CN')}</div>
            {s.signatureLine && <div className="cert-signature">{s.signatureLine}</div>}
          </div>
        </footer>
        {props.voided && <div className="cert-void">已作废</div>}
      </div>
    </section>
  );
}
