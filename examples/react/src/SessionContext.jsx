import { createContext, use, useMemo, useState } from 'react';

// The context object is exported so a test can hand a consumer a fixed value.
export const SessionContext = createContext(null);

const noop = () => {};

export function SessionProvider({ children, initialUser = null, onSignOut = noop }) {
  const [user, setUser] = useState(initialUser);

  const value = useMemo(
    () => ({
      user,
      signIn: (nextUser) => setUser(nextUser),
      signOut: () => {
        setUser(null);
        onSignOut();
      },
    }),
    [user, onSignOut],
  );

  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession() {
  const session = use(SessionContext);
  if (session === null) {
    throw new Error('useSession must be used inside <SessionProvider>');
  }
  return session;
}

export function AccountMenu() {
  const { user, signOut } = useSession();
  if (!user) {
    return <a href="/login">Sign in</a>;
  }
  return (
    <nav aria-label="Account">
      <span>Signed in as {user.name}</span>
      {user.isStaff && <a href="/admin/">Admin</a>}
      <button type="button" onClick={signOut}>
        Sign out
      </button>
    </nav>
  );
}
