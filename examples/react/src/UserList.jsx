import { useEffect, useState } from 'react';

// Loads a list of users and renders one of four states: loading, error (with Retry), empty, list.
export default function UserList({ url = '/api/users' }) {
  const [attempt, setAttempt] = useState(0);
  // The last settled request: { key, users } or { key, error }. A result whose key is not the
  // current request's key is stale, so the component shows "loading" without a setState call.
  const [result, setResult] = useState(null);
  const requestKey = `${url}#${attempt}`;

  useEffect(() => {
    const controller = new AbortController();

    async function load() {
      try {
        const response = await fetch(url, {
          signal: controller.signal,
          headers: { Accept: 'application/json' },
        });
        if (!response.ok) {
          throw new Error(`The server answered ${response.status}`);
        }
        const users = await response.json();
        if (!controller.signal.aborted) setResult({ key: requestKey, users });
      } catch (error) {
        // Aborted on unmount or because a newer request replaced this one: not an error.
        if (controller.signal.aborted) return;
        setResult({ key: requestKey, error });
      }
    }

    load();
    return () => controller.abort();
  }, [url, requestKey]);

  const current = result?.key === requestKey ? result : null;

  if (!current) {
    return <p role="status">Loading users…</p>;
  }

  if (current.error) {
    return (
      <div role="alert">
        <p>Could not load users. {current.error.message}</p>
        <button type="button" onClick={() => setAttempt((n) => n + 1)}>
          Retry
        </button>
      </div>
    );
  }

  if (current.users.length === 0) {
    return <p>No users yet.</p>;
  }

  return (
    <ul aria-label="Users">
      {current.users.map((user) => (
        <li key={user.id}>
          {user.name} <small>{user.email}</small>
        </li>
      ))}
    </ul>
  );
}
