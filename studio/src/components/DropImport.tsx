/** An XMILE (or YAML/JSON model) file dropped anywhere on the page is imported and opened. */
import { useState, type ReactNode } from 'react';
import type { Api } from '../api.js';
import { useWords } from '../words.js';
import { ErrorNote } from './common.js';

export function formatOfFile(name: string): 'xmile' | 'yaml' | 'json' {
  if (/\.(ya?ml)$/i.test(name)) return 'yaml';
  if (/\.json$/i.test(name)) return 'json';
  return 'xmile';
}

export function DropImport({ client, onOpened, children }: { client: Api; onOpened: (id: string) => void; children: ReactNode }) {
  const words = useWords();
  const [over, setOver] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  // What was opened, put in words when shown: a language switch after it changes the words too.
  const [note, setNote] = useState<{ file: string; model: string }>();
  const drop = async (file: File) => {
    setFailure(undefined);
    try {
      const version = await client.importFile(formatOfFile(file.name), await file.text());
      setNote({ file: file.name, model: version.model });
      onOpened(version.model);
    } catch (reason) {
      setFailure(reason);
    }
  };
  return (
    <div
      className={over ? 'drop over' : 'drop'}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        const file = e.dataTransfer.files[0];
        setOver(false);
        if (!file) return;
        e.preventDefault();
        void drop(file);
      }}
    >
      {children}
      {(note || failure !== undefined) && (
        <div className="toast" role="status">
          {note && words.t('studio.models.imported', note)}
          <ErrorNote error={failure} />
          <button className="small" onClick={() => (setNote(undefined), setFailure(undefined))}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
