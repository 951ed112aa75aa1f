export function ComingSoon({ title, what }: { title: string; what: string }) {
  return (
    <section className="screen placeholder">
      <h1>{title}</h1>
      <p>{what}</p>
      <p className="muted">Not built yet.</p>
    </section>
  );
}
