import { act, render, screen, waitForElementToBeRemoved } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ExportButton from './ExportButton.jsx';

// A promise the test settles by hand, to look at the UI while a request is in flight.
function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ExportButton', () => {
  it('shows progress while the export starts and blocks a second click', async () => {
    const start = deferred();
    const api = { startExport: vi.fn(() => start.promise), getExport: vi.fn() };
    const user = userEvent.setup();
    render(<ExportButton api={api} />);

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(screen.getByRole('status')).toHaveTextContent('Preparing export…');
    const button = screen.getByRole('button', { name: 'Export CSV' });
    expect(button).toBeDisabled();
    await user.click(button); // the second click reaches a disabled button: no new request
    expect(api.startExport).toHaveBeenCalledTimes(1);

    start.reject(new Error('503'));
    expect(await screen.findByRole('alert')).toHaveTextContent('The export failed.');
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
  });

  it('polls until the file is ready (real timers, short interval)', async () => {
    const api = {
      startExport: vi.fn().mockResolvedValue({ id: 7 }),
      getExport: vi
        .fn()
        .mockResolvedValueOnce({ status: 'running' })
        .mockResolvedValueOnce({ status: 'ready', url: '/exports/7.csv' }),
    };
    const user = userEvent.setup();
    render(<ExportButton api={api} pollEvery={10} />);

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitForElementToBeRemoved(() => screen.queryByRole('status'));

    expect(screen.getByRole('link', { name: 'Download export' })).toHaveAttribute('href', '/exports/7.csv');
    expect(api.getExport).toHaveBeenCalledTimes(2);
    expect(api.getExport).toHaveBeenCalledWith(7);
  });

  it('polls on the real schedule (fake timers)', async () => {
    const start = deferred();
    const api = {
      startExport: vi.fn(() => start.promise),
      getExport: vi.fn().mockResolvedValue({ status: 'running' }),
    };
    const user = userEvent.setup();
    render(<ExportButton api={api} />);
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    // Fake the clock only now: user-event ran on real timers, and the poll timer does not exist
    // until startExport resolves. From here on, time moves only when the test moves it.
    vi.useFakeTimers();
    await act(async () => start.resolve({ id: 7 }));
    expect(api.getExport).not.toHaveBeenCalled();

    // Advance the clock and flush the promises the timer callbacks start, inside act.
    await act(() => vi.advanceTimersByTimeAsync(1999));
    expect(api.getExport).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(api.getExport).toHaveBeenCalledTimes(1);
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(api.getExport).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('status')).toBeInTheDocument();
  });

  it('stops polling when it unmounts', async () => {
    const start = deferred();
    const api = {
      startExport: vi.fn(() => start.promise),
      getExport: vi.fn().mockResolvedValue({ status: 'running' }),
    };
    const user = userEvent.setup();
    const { unmount } = render(<ExportButton api={api} />);
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    vi.useFakeTimers();
    await act(async () => start.resolve({ id: 7 })); // a poll is now scheduled
    expect(vi.getTimerCount()).toBe(1);

    unmount();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(api.getExport).not.toHaveBeenCalled();
  });
});
