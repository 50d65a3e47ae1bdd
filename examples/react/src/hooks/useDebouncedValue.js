import { useEffect, useState } from 'react';

// Returns `value` once it has stopped changing for `delay` ms. Each change restarts the timer:
// the cleanup clears the pending timeout before the next effect schedules a new one.
export function useDebouncedValue(value, delay = 300) {
  const [debounced, setDebounced] = useState(value);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);

  return debounced;
}
