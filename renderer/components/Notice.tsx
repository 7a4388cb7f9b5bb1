/** What an action did, said once it is done (a status line screen readers announce); nothing while there is none. */
export function Notice({ children }: { children: string | null }) {
  if (!children) return null;
  return (
    <p className="notice" role="status">
      {children}
    </p>
  );
}
