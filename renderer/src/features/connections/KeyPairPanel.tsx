import { useState } from 'react';
import type { Connection, JwtAlgorithm } from '../../../../shared/contract';
import { useGenerateKeyPair, useJwks } from './useConnections';

/** Generate the signing key pair (private half stays in the core) and copy the public JWKS. */
export function KeyPairPanel({ connection }: { connection: Connection | undefined }) {
  const id = connection?.id ?? null;
  const [alg, setAlg] = useState<JwtAlgorithm>('RS384');
  const generate = useGenerateKeyPair(id);
  const jwks = useJwks(id, connection?.key != null);
  const [copied, setCopied] = useState(false);
  if (!connection) return <p className="muted small">Save the connection first, then generate its key pair here.</p>;
  const text = jwks.data && jwks.data.keys.length > 0 ? JSON.stringify(jwks.data, null, 2) : null;
  return (
    <div className="keypair" data-testid="keypair">
      <div className="inline">
        <span>
          Key pair:{' '}
          {connection.key ? (
            <>
              <strong>{connection.key.alg}</strong> <code className="small">kid {connection.key.kid}</code>
            </>
          ) : (
            <span className="muted">none yet</span>
          )}
        </span>
        <select value={alg} onChange={(e) => setAlg(e.target.value as JwtAlgorithm)} aria-label="Key algorithm">
          <option value="RS384">RS384 (RSA)</option>
          <option value="ES384">ES384 (EC P-384)</option>
        </select>
        <button
          type="button"
          className="secondary"
          disabled={generate.isPending}
          onClick={() => {
            if (connection.key && !window.confirm('Replace the key pair? The server must be given the new JWKS.')) return;
            generate.mutate(alg);
          }}
        >
          {connection.key ? 'Replace key pair' : 'Generate key pair'}
        </button>
      </div>
      {generate.error && <p className="error" role="alert">{generate.error.message}</p>}
      {text && (
        <>
          <p className="muted small">Register this public JWKS with the server (the private key never leaves Switchboard):</p>
          <pre className="jwks" data-testid="jwks">{text}</pre>
          <button
            type="button"
            className="secondary"
            onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true), () => setCopied(false))}
          >
            {copied ? 'Copied' : 'Copy JWKS'}
          </button>
        </>
      )}
    </div>
  );
}
