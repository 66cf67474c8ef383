/** Printable blocks (src/tables: the command line's tables and prose) as HTML, so both surfaces say the same. */
import type { Block } from '../../../src/tables/index.js';

export function Blocks({ blocks }: { blocks: readonly Block[] }) {
  return (
    <div className="blocks">
      {blocks.map((block, i) => {
        switch (block.kind) {
          case 'heading':
            return block.level === 1 ? <h3 key={i}>{block.text}</h3> : <h4 key={i}>{block.text}</h4>;
          case 'text':
            return (
              <p key={i} className="prose">
                {block.text}
              </p>
            );
          case 'list':
            return block.items.length === 0 ? (
              <p key={i} className="muted">
                {block.empty}
              </p>
            ) : (
              <ul key={i}>
                {block.items.map((item, j) => (
                  <li key={j}>{item}</li>
                ))}
              </ul>
            );
          case 'table':
            return (
              <div key={i} className="table-scroll">
                <table>
                  <thead>
                    <tr>
                      {block.columns.map((c, j) => (
                        <th key={j} className={c.align === 'right' ? 'number' : undefined}>
                          {c.title}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {block.rows.map((row, j) => (
                      <tr key={j}>
                        {row.map((cell, k) => (
                          <td key={k} className={block.columns[k]?.align === 'right' ? 'number' : undefined}>
                            {cell}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
        }
      })}
    </div>
  );
}
