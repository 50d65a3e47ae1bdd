import { useEffect, useId, useState } from 'react';
import { useDebouncedValue } from './hooks/useDebouncedValue.js';

// Search as you type: one request per pause in typing, and only the latest answer is shown.
export default function DebouncedSearch({ endpoint = '/api/search', delay = 300, minLength = 2 }) {
  const [query, setQuery] = useState('');
  const debouncedQuery = useDebouncedValue(query.trim(), delay);
  const [result, setResult] = useState(null); // { query, items } or { query, error }
  const resultsId = useId();

  const shouldSearch = debouncedQuery.length >= minLength;

  useEffect(() => {
    if (!shouldSearch) return undefined;
    const controller = new AbortController();
    const url = `${endpoint}?q=${encodeURIComponent(debouncedQuery)}`;

    fetch(url, { signal: controller.signal })
      .then((response) => {
        if (!response.ok) throw new Error(`Search failed (${response.status})`);
        return response.json();
      })
      .then((items) => {
        if (!controller.signal.aborted) setResult({ query: debouncedQuery, items });
      })
      .catch((error) => {
        if (!controller.signal.aborted) setResult({ query: debouncedQuery, error });
      });

    // A newer query (or unmount) cancels this request; its answer can never be shown.
    return () => controller.abort();
  }, [endpoint, debouncedQuery, shouldSearch]);

  // A result belongs to one query. Anything else is stale and treated as "still searching".
  const current = shouldSearch && result?.query === debouncedQuery ? result : null;
  const pending = query.trim().length >= minLength && (query.trim() !== debouncedQuery || !current);

  let statusText = '';
  if (pending) statusText = 'Searching…';
  else if (current?.items) statusText = `${current.items.length} ${current.items.length === 1 ? 'result' : 'results'}`;

  return (
    <div role="search">
      <label>
        Search products
        <input
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          aria-controls={resultsId}
          autoComplete="off"
        />
      </label>
      <p role="status">{statusText}</p>
      {current?.error && <p role="alert">{current.error.message}</p>}
      {/* While the next answer is on its way the previous results stay, marked busy. */}
      <ul id={resultsId} aria-label="Search results" aria-busy={pending}>
        {current?.items?.map((item) => (
          <li key={item.id}>{item.name}</li>
        ))}
      </ul>
      {current?.items?.length === 0 && <p>No products match “{current.query}”.</p>}
    </div>
  );
}
