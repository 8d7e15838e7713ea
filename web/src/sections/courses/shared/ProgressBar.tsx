/** A course's progress: a bar with its percentage, read out by screen readers as one value. */
export function ProgressBar({ percent, label, size = "normal" }: { percent: number; label: string; size?: "normal" | "small" }) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className={`course-progress course-progress-${size}`}>
      <div
        className="course-progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value}% complete`}
      >
        <span className="course-progress-fill" style={{ width: `${value}%` }} />
      </div>
      <span className="course-progress-value" aria-hidden="true">
        {value}%
      </span>
    </div>
  );
}
