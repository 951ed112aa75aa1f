/** HTTP header name/value pairs as received, in order (credentials already redacted by the core). */
export function HeaderTable({ headers, label }: { headers: readonly [string, string][]; label: string }) {
  return (
    <table className="headers" aria-label={label}>
      <tbody>
        {headers.map(([name, value], i) => (
          <tr key={`${name}-${i}`}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
