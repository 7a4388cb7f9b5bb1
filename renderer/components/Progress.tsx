/** An indeterminate progress bar for work whose length is unknown (loading demo data, signing in). */
export function Progress({ label }: { label: string }) {
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-busy="true">
      <div className="progress__bar" />
      <span className="progress__label">{label}</span>
    </div>
  );
}
