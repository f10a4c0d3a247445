import type { CaseView } from '../../../../shared/domain/views';

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The sentence that says why a case shows no personal data (null while the data is kept). */
export function purgedSentence(view: CaseView): string | null {
  const life = view.lifecycle;
  if (!life || life.purgedAt === null) return null;
  if (life.purgeKind === 'redaction') {
    const at = life.redactedUtc ? Date.parse(life.redactedUtc) : life.purgedAt;
    return `Redacted at Ondato on ${day(at)}. The personal data and images were removed from this computer too.`;
  }
  return `Personal data removed on ${day(life.purgedAt)} under the retention policy.`;
}

/**
 * A purged case shows what is kept (ids, statuses, decision, dates, image hashes) and says why the rest
 * is gone, instead of empty fields that look like missing data.
 */
export function PurgedCase({ view }: { view: CaseView }): React.JSX.Element | null {
  const sentence = purgedSentence(view);
  if (sentence === null) return null;
  const files = view.lifecycle?.purgedFiles ?? [];
  return (
    <section className="rv-card" aria-labelledby="rv-purged-title" data-testid="purged-case">
      <h2 id="rv-purged-title">No personal data kept</h2>
      <p>{sentence}</p>
      <p>
        Kept as the record: the verification ids, Ondato&apos;s statuses, your decision and the dates
        {files.length > 0 ? ', and a SHA-256 hash of each image:' : '.'}
      </p>
      {files.length > 0 ? (
        <ul className="rv-hashes">
          {files.map((f) => (
            <li key={f.fileId}>
              <span>{f.part ?? f.fileType ?? 'File'}</span>{' '}
              <code>{f.sha256 ?? 'not downloaded before removal, no hash'}</code>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
