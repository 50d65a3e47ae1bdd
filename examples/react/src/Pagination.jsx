const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// Which items to show: page numbers plus 'start-ellipsis' / 'end-ellipsis' markers.
// First and last page are always visible, with `siblings` pages either side of the current one.
// The result always has the same length (2 * siblings + 5) once pageCount exceeds it, so the
// buttons do not jump around as the user pages. O(siblings), independent of pageCount.
export function getPageItems(page, pageCount, siblings = 1) {
  const slots = 2 * siblings + 5; // first, last, current, siblings, two ellipses
  if (pageCount <= slots) return range(1, pageCount);

  const current = Math.min(Math.max(page, 1), pageCount);
  const left = Math.max(current - siblings, 1);
  const right = Math.min(current + siblings, pageCount);
  const edgeCount = 2 * siblings + 3; // pages shown on the side that has no ellipsis

  if (left <= 3) return [...range(1, edgeCount), 'end-ellipsis', pageCount];
  if (right >= pageCount - 2) return [1, 'start-ellipsis', ...range(pageCount - edgeCount + 1, pageCount)];
  return [1, 'start-ellipsis', ...range(left, right), 'end-ellipsis', pageCount];
}

export default function Pagination({ page, pageCount, onPageChange, siblings = 1, label = 'Pagination' }) {
  if (pageCount <= 1) return null; // nothing to choose between

  const current = Math.min(Math.max(page, 1), pageCount);
  const go = (target) => {
    if (target !== current && target >= 1 && target <= pageCount) onPageChange(target);
  };

  return (
    <nav aria-label={label}>
      <ul className="pagination">
        <li>
          <button type="button" onClick={() => go(current - 1)} disabled={current === 1}>
            Previous
          </button>
        </li>
        {getPageItems(current, pageCount, siblings).map((item) =>
          typeof item === 'number' ? (
            <li key={item}>
              <button
                type="button"
                onClick={() => go(item)}
                aria-current={item === current ? 'page' : undefined}
                aria-label={`Page ${item}`}
              >
                {item}
              </button>
            </li>
          ) : (
            <li key={item} aria-hidden="true">
              …
            </li>
          ),
        )}
        <li>
          <button type="button" onClick={() => go(current + 1)} disabled={current === pageCount}>
            Next
          </button>
        </li>
      </ul>
    </nav>
  );
}
