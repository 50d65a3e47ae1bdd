import { useEffect, useState } from 'react';

// Starts a server-side export, then polls its status until the file is ready or the job fails.
// `api` is injected ({ startExport, getExport }), so tests control every answer and its timing.
export default function ExportButton({ api, pollEvery = 2000 }) {
  const [job, setJob] = useState({ status: 'idle' }); // idle | starting | running | ready | failed

  useEffect(() => {
    if (job.status !== 'running') return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const next = await api.getExport(job.id);
        if (!cancelled) setJob({ ...next, id: job.id });
      } catch {
        if (!cancelled) setJob({ status: 'failed', id: job.id });
      }
    }, pollEvery);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, job, pollEvery]);

  async function start() {
    setJob({ status: 'starting' });
    try {
      const { id } = await api.startExport();
      setJob({ status: 'running', id });
    } catch {
      setJob({ status: 'failed' });
    }
  }

  const busy = job.status === 'starting' || job.status === 'running';
  return (
    <section aria-label="Export">
      <button type="button" onClick={start} disabled={busy}>
        Export CSV
      </button>
      {busy && <p role="status">Preparing export…</p>}
      {job.status === 'ready' && <a href={job.url}>Download export</a>}
      {job.status === 'failed' && <p role="alert">The export failed. Try again.</p>}
    </section>
  );
}
