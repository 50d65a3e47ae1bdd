import { useEffect, useEffectEvent, useReducer, useRef } from 'react';

const initialState = { items: [], cursor: null, status: 'idle', error: null };

function reducer(state, action) {
  switch (action.type) {
    case 'requested':
      return { ...state, status: 'loading', error: null };
    case 'received':
      return {
        items: [...state.items, ...action.items],
        cursor: action.nextCursor,
        status: action.nextCursor == null ? 'done' : 'idle',
        error: null,
      };
    case 'failed':
      return { ...state, status: 'error', error: action.error };
    default:
      throw new Error(`Unknown action: ${action.type}`);
  }
}

/**
 * Renders items page by page. `loadPage(cursor, { signal })` resolves to
 * { items: [{ id, ... }], nextCursor } where nextCursor is null on the last page.
 * A sentinel below the list is watched by an IntersectionObserver; when it comes within
 * `rootMargin` of the viewport, the next page loads.
 */
export default function InfiniteList({ loadPage, renderItem, label, rootMargin = '200px' }) {
  const [state, dispatch] = useReducer(reducer, initialState);
  const sentinelRef = useRef(null);
  const inFlightRef = useRef(false); // synchronous guard: state updates are not visible yet
  const controllerRef = useRef(null);

  async function loadMore() {
    if (inFlightRef.current || state.status === 'done') return;
    inFlightRef.current = true;
    const controller = new AbortController();
    controllerRef.current = controller;
    dispatch({ type: 'requested' });
    try {
      const page = await loadPage(state.cursor, { signal: controller.signal });
      if (!controller.signal.aborted) dispatch({ type: 'received', ...page });
    } catch (error) {
      if (!controller.signal.aborted) dispatch({ type: 'failed', error });
    } finally {
      inFlightRef.current = false;
    }
  }

  // Effect Event (React 19.2): the observer always calls the latest loadMore without
  // re-subscribing every render.
  const onSentinelVisible = useEffectEvent(() => {
    loadMore();
  });

  // Observe only while idle. A new observer reports the sentinel's current state straight
  // away, so if a short page leaves the sentinel on screen, the next page loads too.
  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (state.status !== 'idle' || !sentinel) return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) onSentinelVisible();
      },
      { rootMargin },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [state.status, rootMargin]);

  useEffect(() => () => controllerRef.current?.abort(), []);

  const { items, status, error } = state;
  return (
    <div>
      <ul aria-label={label} aria-busy={status === 'loading'}>
        {items.map((item) => (
          <li key={item.id}>{renderItem(item)}</li>
        ))}
      </ul>
      {status === 'loading' && <p role="status">Loading more…</p>}
      {status === 'error' && (
        <div role="alert">
          <p>Could not load more. {error.message}</p>
          <button type="button" onClick={loadMore}>
            Try again
          </button>
        </div>
      )}
      {status === 'done' && <p>{items.length === 0 ? 'Nothing here yet.' : 'You have reached the end.'}</p>}
      {status !== 'done' && <div ref={sentinelRef} data-testid="sentinel" style={{ height: 1 }} />}
    </div>
  );
}
