import type { CertificateSnapshot } from '../domain/certificate-snapshot';
import { formatDate, formatDateRange, formatHours } from './format';
import './certificate.css';

/**
 * One certificate page (A4 landscape), drawn only from the frozen snapshot: what was issued is what prints,
 * whatever has changed in the registers since. Chinese by design: a certificate is an official Chinese document
 * whatever language the operator's screen uses.
 */
export function CertificateSheet(props: {
  snapshot: CertificateSnapshot;
  qrDataUrl: string;
  voided?: boolean;
}) {
  const s = props.snapshot;
  const title = s.kind === 'attendance' ? '安全生产培训证明' : '安全培训合格证明';
  const dates = formatDateRange(s.dates, 'zh-CN');
  return (
    <section className="cert-page" aria-label={`${title} ${s.number}`}>
      <div className="cert-border">
        <h1 className="cert-title">{title}</h1>
        {s.kind === 'attendance' ? (
          <p className="cert-body">
            兹证明 <span className="cert-name">{s.personName}</span>（身份证号 {s.idNumberMasked}）于{dates}
            参加由
            {s.issuingBody}组织的“{s.courseName}”，共计{formatHours(s.hours)}学时，完成规定的培训内容。
            <br />
            特此证明。
          </p>
        ) : (
          <>
            <p className="cert-body">
              兹证明 <span className="cert-name">{s.personName}</span>（身份证号 {s.idNumberMasked}）参加由
              {s.issuingBody}
              组织的安全培训，完成规定学时，特发此证。
            </p>
            <table className="cert-table">
              <thead>
                <tr>
                  <th className="cert-col-dates">培训日期</th>
                  <th>培训内容</th>
                  <th className="cert-col-hours">学时</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td>{dates}</td>
                  <td>
                    {s.courseName}
                    {s.courseOutline && (
                      <div className="cert-outline">{s.courseOutline.split('\n').join('；')}</div>
                    )}
                  </td>
                  <td>{formatHours(s.hours)}</td>
                </tr>
              </tbody>
            </table>
          </>
        )}
        {s.kind === 'attendance' && s.courseOutline && (
          <p className="cert-content">主要培训内容：{s.courseOutline.split('\n').join('；')}</p>
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
            <div className="cert-seal" aria-hidden="true">
              (印章)
            </div>
            <div>{s.issuingBody}</div>
            <div>{formatDate(s.issuedOn, 'zh-CN')}</div>
          </div>
        </footer>
        {props.voided && <div className="cert-void">已作废</div>}
      </div>
    </section>
  );
}
