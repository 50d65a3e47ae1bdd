import { render, renderHook, screen, act } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AccountMenu, SessionContext, SessionProvider, useSession } from './SessionContext.jsx';

const ada = { name: 'Ada', isStaff: false };

// One helper wraps every provider the app needs; tests pass only what they care about.
function renderWithSession(ui, { user = null, onSignOut = vi.fn() } = {}) {
  function Providers({ children }) {
    return (
      <SessionProvider initialUser={user} onSignOut={onSignOut}>
        {children}
      </SessionProvider>
    );
  }
  return { user: userEvent.setup(), onSignOut, ...render(ui, { wrapper: Providers }) };
}

describe('AccountMenu with the real provider', () => {
  it('offers a sign-in link to anonymous visitors', () => {
    renderWithSession(<AccountMenu />);
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/login');
  });

  it('signs the user out through the provider', async () => {
    const { user, onSignOut } = renderWithSession(<AccountMenu />, { user: ada });
    expect(screen.getByText('Signed in as Ada')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(onSignOut).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeInTheDocument();
  });
});

describe('AccountMenu with a fixed context value', () => {
  it('shows the admin link to staff', () => {
    // No provider logic involved: the consumer gets exactly this value.
    render(
      <SessionContext value={{ user: { name: 'Grace', isStaff: true }, signOut: vi.fn() }}>
        <AccountMenu />
      </SessionContext>,
    );
    expect(screen.getByRole('link', { name: 'Admin' })).toHaveAttribute('href', '/admin/');
  });
});

describe('useSession', () => {
  it('reads and updates the session through renderHook', () => {
    const { result } = renderHook(() => useSession(), { wrapper: SessionProvider });
    expect(result.current.user).toBeNull();

    act(() => result.current.signIn(ada));
    expect(result.current.user).toEqual(ada);
  });

  it('fails loudly outside the provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useSession())).toThrow(
      'useSession must be used inside <SessionProvider>',
    );
  });
});
