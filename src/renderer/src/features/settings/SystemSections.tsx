import { describeAuditProblem } from '../../../../shared/domain/audit';
import { Icon } from '../../components/Icon';
import { SkeletonLines } from '../../components/states';
import { useStore } from '../../store';

export function AuditSection(): React.JSX.Element {
  const check = useStore((s) => s.auditCheck);
  const verify = useStore((s) => s.verifyAudit);
  return (
    <section className="card" aria-labelledby="set-audit">
      <h2 id="set-audit" className="section-title">
        Audit trail
      </h2>
      <p className="muted">
        Every decision, link copy and QR display is logged; each entry carries the hash of the one before it,
        so a changed or deleted entry shows up here.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="btn"
          disabled={check.status === 'loading'}
          onClick={() => void verify()}
        >
          <Icon name="shield" />
          {check.status === 'loading' ? 'Verifying…' : 'Verify the audit trail'}
        </button>
      </div>
      <div role="status" className="audit-result">
        {check.status === 'ready' && check.value.ok ? (
          <p className="inline-ok">
            <Icon name="checkCircle" /> Intact: all {check.value.checked.toLocaleString('en-US')} entries
            check out.
            {check.value.problems.length > 0
              ? ` Note: ${check.value.problems.map(describeAuditProblem).join(' ')}`
              : null}
          </p>
        ) : null}
        {check.status === 'ready' && !check.value.ok ? (
          <div className="problem">
            <Icon name="alert" />
            <div>
              <p className="problem-message">
                Broken:{' '}
                {check.value.problems
                  .filter((p) => p.severity === 'tamper')
                  .slice(0, 3)
                  .map(describeAuditProblem)
                  .join(' ')}
              </p>
              <p>
                {check.value.checked.toLocaleString('en-US')} entries checked. An entry was changed or removed
                outside KYC Desk: report this to your compliance lead before you continue.
              </p>
            </div>
          </div>
        ) : null}
        {check.status === 'error' ? (
          <p className="inline-error">
            <Icon name="alert" /> The check could not run. {check.message}
          </p>
        ) : null}
      </div>
    </section>
  );
}

export function AboutSection(): React.JSX.Element {
  const info = useStore((s) => s.appInfo);
  return (
    <section className="card" aria-labelledby="set-about">
      <h2 id="set-about" className="section-title">
        About
      </h2>
      {info.status === 'ready' ? (
        <dl className="facts">
          <dt>Version</dt>
          <dd>
            {info.value.name} {info.value.version}
          </dd>
          {info.value.versions.electron ? (
            <>
              <dt>Electron</dt>
              <dd>{info.value.versions.electron}</dd>
            </>
          ) : null}
          {info.value.versions.chrome ? (
            <>
              <dt>Chromium</dt>
              <dd>{info.value.versions.chrome}</dd>
            </>
          ) : null}
        </dl>
      ) : info.status === 'error' ? (
        <p className="inline-error">The version could not be read. {info.message}</p>
      ) : (
        <SkeletonLines lines={1} label="Loading version" />
      )}
    </section>
  );
}
