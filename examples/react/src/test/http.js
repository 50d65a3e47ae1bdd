// Helpers for tests that stub the global fetch: JSON responses and requests the test settles.
export function jsonResponse(body, { status = 200 } = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

// A fetch stand-in whose calls stay pending until the test resolves them. Each call records its
// URL and AbortSignal; an aborted call rejects with an AbortError, as the real fetch does.
export function controllableFetch() {
  const calls = [];
  const fetchMock = (url, init = {}) =>
    new Promise((resolve, reject) => {
      const call = { url: String(url), signal: init.signal, resolve, reject };
      calls.push(call);
      init.signal?.addEventListener('abort', () => {
        reject(new DOMException('The operation was aborted.', 'AbortError'));
      });
    });
  return { fetchMock, calls };
}
